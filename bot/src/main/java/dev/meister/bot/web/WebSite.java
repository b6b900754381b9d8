package dev.meister.bot.web;

import dev.meister.bot.config.WebConfig;
import dev.meister.core.calendar.FeedLinks;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.Member;
import dev.meister.core.web.AlertsPage;
import dev.meister.core.web.DagStatusPage;
import dev.meister.core.web.HandoffsPage;
import dev.meister.core.web.LogBook;
import dev.meister.core.web.MyShifts;
import dev.meister.core.web.NowPage;
import dev.meister.core.web.OnCallLoad;
import dev.meister.core.web.SignInStore;
import dev.meister.core.web.SignIns;
import dev.meister.core.web.Timeline;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web page's routes, under {@code /web}: the sign-in landing, the one-time link (a page with a
 * Sign-in button, so a chat's link preview cannot use it up), sign-out, and the pages, each of
 * which needs a session (or a trusted proxy's header) and sends anyone else to the landing.
 */
public final class WebSite {
  public static final String COOKIE = "meister_session";
  private static final Logger log = LoggerFactory.getLogger(WebSite.class);

  private final WebConfig config;
  private final SignIns signIns;
  private final WebData data;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final byte[] stylesheet = resource("/web/meister.css");

  public WebSite(WebConfig config, SignIns signIns, WebData data) {
    this.config = config;
    this.signIns = signIns;
    this.data = data;
  }

  /** Adds the routes to {@code app} (the webhook server's, or the page's own). */
  public void mount(Javalin app) {
    app.before("/web*", WebSite::headers);
    app.get(
        "/web/meister.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(stylesheet));
    app.get("/web", this::landing);
    app.get("/web/login/{token}", this::confirm);
    app.post("/web/login/{token}", this::signIn);
    app.post("/web/logout", this::signOut);
    app.get("/web/now", ctx -> page(ctx, this::now));
    app.get("/web/schedule", ctx -> page(ctx, this::schedule));
    app.get("/web/me", ctx -> page(ctx, this::me));
    app.get("/web/alerts", ctx -> page(ctx, this::alerts));
    app.get("/web/logbook", ctx -> page(ctx, this::logbook));
    app.get("/web/logbook.csv", ctx -> page(ctx, this::csv));
    app.get("/web/handoffs", ctx -> page(ctx, this::handoffs));
    app.get("/web/load", ctx -> page(ctx, this::load));
    app.get("/web/status", ctx -> page(ctx, this::status));
  }

  /** Nothing here may be cached, framed, or leak its address (a sign-in link) as a referrer. */
  private static void headers(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  private void landing(Context ctx) {
    if (visitor(ctx).isPresent()) {
      ctx.redirect("/web/now", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    message(
        ctx,
        200,
        "Sign in",
        "Type /web in the team's chat: Meister sends you a one-time sign-in link that only you"
            + " can see. Operators can print one with meister web-link --member ID.");
  }

  private void confirm(Context ctx) {
    render(ctx, 200, "confirm.jte", Map.of("action", ctx.path(), "nav", Nav.SIGNED_OUT));
  }

  private void signIn(Context ctx) {
    SignIns.Outcome outcome = signIns.redeem(ctx.pathParam("token"));
    if (outcome instanceof SignIns.Outcome.Started started) {
      ctx.header("Set-Cookie", cookie(started.token(), config.session().toSeconds()));
      log.info("web: {} signed in", started.member().id().value());
      ctx.redirect("/web/now", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    SignInStore.Refusal why = ((SignIns.Outcome.Refused) outcome).why();
    switch (why) {
      case USED ->
          message(
              ctx,
              410,
              "Link already used",
              "This sign-in link was used already: each link works once. Type /web in chat for a"
                  + " new one.");
      case EXPIRED ->
          message(
              ctx,
              410,
              "Link expired",
              "This sign-in link has expired: links work for 10 minutes. Type /web in chat for a"
                  + " new one.");
      case UNKNOWN ->
          message(
              ctx,
              404,
              "Unknown link",
              "This is not a sign-in link Meister knows. Type /web in chat for a new one.");
    }
  }

  private void signOut(Context ctx) {
    String token = ctx.cookie(COOKIE);
    Optional<SignIns.Visitor> visitor = token == null ? Optional.empty() : signIns.visitor(token);
    if (token == null || visitor.isEmpty()) {
      ctx.redirect("/web", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    if (!same(visitor.get().csrf(), ctx.formParam("csrf"))) {
      message(ctx, 403, "Not signed out", "The form was not sent by this page; nothing changed.");
      return;
    }
    signIns.signOut(token);
    ctx.header("Set-Cookie", cookie("", 0));
    message(ctx, 200, "Signed out", "You are signed out. Type /web in chat to sign in again.");
  }

  @FunctionalInterface
  private interface Page {
    void show(Context ctx, SignIns.Visitor visitor);
  }

  private void page(Context ctx, Page page) {
    Optional<SignIns.Visitor> visitor = visitor(ctx);
    if (visitor.isEmpty() && stranger(ctx)) {
      message(
          ctx,
          403,
          "Not a team member",
          "The sign-in proxy says you are someone Meister's team list does not name. Ask the team"
              + " lead to add your e-mail or login to team.members.");
      return;
    }
    if (visitor.isEmpty()) {
      ctx.redirect("/web", io.javalin.http.HttpStatus.FOUND);
      return;
    }
    try {
      page.show(ctx, visitor.get());
    } catch (IllegalArgumentException e) {
      message(ctx, 400, "Cannot show this", String.valueOf(e.getMessage()), nav(visitor.get()));
    }
  }

  private void now(Context ctx, SignIns.Visitor v) {
    render(
        ctx,
        200,
        "now.jte",
        Map.of("page", NowPage.of(data.directory(), data.team()), "nav", nav(v)));
  }

  private void schedule(Context ctx, SignIns.Visitor v) {
    int weeks = weeks(ctx);
    Optional<String> only =
        AlertsPage.filter(Objects.requireNonNullElse(ctx.queryParam("rotation"), ""));
    List<Timeline> timelines = new ArrayList<>();
    for (Rotation r : selected(only)) {
      timelines.add(Timeline.of(data.directory(), data.team(), r, data.directory().now(), weeks));
    }
    render(ctx, 200, "schedule.jte", Map.of("timelines", timelines, "weeks", weeks, "nav", nav(v)));
  }

  private void me(Context ctx, SignIns.Visitor v) {
    int weeks = weeks(ctx);
    List<Timeline> timelines = new ArrayList<>();
    for (Rotation r : data.directory().rotations()) {
      timelines.add(Timeline.of(data.directory(), data.team(), r, data.directory().now(), weeks));
    }
    render(
        ctx,
        200,
        "me.jte",
        Map.of(
            "page",
            MyShifts.of(v.member(), timelines),
            "weeks",
            weeks,
            "feeds",
            FeedLinks.of(
                config.link(""),
                data.calendars().tokenFor(v.member().id()),
                data.directory().rotations()),
            "nav",
            nav(v)));
  }

  private void handoffs(Context ctx, SignIns.Visitor v) {
    Optional<String> only = filter(ctx, "rotation");
    selected(only); // an unknown rotation is a 400, as on the schedule
    HandoffsPage page =
        HandoffsPage.of(
            data.directory().rotations(),
            only,
            data.handoffs(),
            data.stores().alerts().recent(AlertsPage.RECENT),
            data.stores().resolutions(),
            data.team());
    render(
        ctx, 200, "handoffs.jte", Map.of("page", page, "rotations", rotationIds(), "nav", nav(v)));
  }

  /** {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}, both days included; default the last four weeks. */
  private void load(Context ctx, SignIns.Visitor v) {
    LocalDate today = LocalDate.ofInstant(data.directory().now(), ZoneOffset.UTC);
    OnCallLoad.Period fallback = OnCallLoad.lastFourWeeks(today);
    OnCallLoad.Period period =
        new OnCallLoad.Period(
            date(ctx, "from").orElse(fallback.from()), date(ctx, "to").orElse(fallback.to()));
    OnCallLoad page =
        OnCallLoad.of(data.directory(), data.team(), data.directory().rotations(), period);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", page);
    params.put("lastFourWeeks", fallback);
    params.put("quarter", OnCallLoad.quarter(today));
    params.put("nextFourWeeks", new OnCallLoad.Period(today, today.plusDays(27)));
    params.put("nav", nav(v));
    render(ctx, 200, "load.jte", params);
  }

  private void status(Context ctx, SignIns.Visitor v) {
    render(
        ctx,
        200,
        "status.jte",
        Map.of("page", DagStatusPage.of(data.boards(), data.statusPosts()), "nav", nav(v)));
  }

  private static Optional<LocalDate> date(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a date like 2026-11-30, not '" + text + "'.", e);
    }
  }

  private void alerts(Context ctx, SignIns.Visitor v) {
    AlertsPage page =
        AlertsPage.of(data.stores(), data.team(), filter(ctx, "rotation"), filter(ctx, "source"));
    render(ctx, 200, "alerts.jte", Map.of("page", page, "rotations", rotationIds(), "nav", nav(v)));
  }

  private void logbook(Context ctx, SignIns.Visitor v) {
    LogBook page = logBook(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", page);
    params.put("query", query(ctx));
    params.put("rotations", rotationIds());
    params.put("nav", nav(v));
    render(ctx, 200, "logbook.jte", params);
  }

  /** The same file as {@code meister postmortem --csv}, for the rows the filters leave. */
  private void csv(Context ctx, SignIns.Visitor v) {
    ctx.header("Content-Disposition", "attachment; filename=\"postmortem.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(logBook(ctx).csv());
  }

  private LogBook logBook(Context ctx) {
    return LogBook.of(
            data.breaks().get(),
            data.stores().alerts(),
            filter(ctx, "rotation"),
            filter(ctx, "source"))
        .withFlaky(data.flakiest().get());
  }

  private List<Rotation> selected(Optional<String> only) {
    if (only.isEmpty()) {
      return data.directory().rotations();
    }
    Rotation r =
        data.directory().rotations().stream()
            .filter(x -> x.id().value().equals(only.get()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No rotation '" + only.get() + "'."));
    return List.of(r);
  }

  private List<String> rotationIds() {
    return data.directory().rotations().stream().map(r -> r.id().value()).toList();
  }

  private static Optional<String> filter(Context ctx, String name) {
    return AlertsPage.filter(Objects.requireNonNullElse(ctx.queryParam(name), ""));
  }

  /** The filters as a query string for the CSV link, so the download holds what the page shows. */
  private static String query(Context ctx) {
    List<String> parts = new ArrayList<>();
    for (String name : List.of("rotation", "source")) {
      filter(ctx, name)
          .ifPresent(v -> parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static int weeks(Context ctx) {
    String text = ctx.queryParam("weeks");
    if (text == null || text.isBlank()) {
      return Timeline.DEFAULT_WEEKS;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1 && n <= Timeline.MAX_WEEKS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException(
        "weeks must be a number from 1 to " + Timeline.MAX_WEEKS + ", not '" + text + "'.");
  }

  /** The session's visitor, or the member a trusted proxy's header names. */
  private Optional<SignIns.Visitor> visitor(Context ctx) {
    String token = ctx.cookie(COOKIE);
    if (token != null && !token.isEmpty()) {
      Optional<SignIns.Visitor> v = signIns.visitor(token);
      if (v.isPresent()) {
        return v;
      }
    }
    if (config.trustedHeader().isPresent()) {
      WebConfig.TrustedHeader h = config.trustedHeader().get();
      String value = ctx.header(h.name());
      if (value != null && !value.isBlank()) {
        return proxied(h.match(), value.strip()).map(m -> new SignIns.Visitor(m, ""));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a trusted proxy's header names someone who is not on the team: they are turned away
   * with 403 rather than sent to a sign-in they could never complete.
   */
  private boolean stranger(Context ctx) {
    if (config.trustedHeader().isEmpty()) {
      return false;
    }
    WebConfig.TrustedHeader h = config.trustedHeader().get();
    String value = ctx.header(h.name());
    if (value == null || value.isBlank() || proxied(h.match(), value.strip()).isPresent()) {
      return false;
    }
    log.info("web: the {} header names no team member; refused", h.name());
    return true;
  }

  private Optional<Member> proxied(WebConfig.Match match, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return data.team().members().stream()
        .filter(
            m ->
                match == WebConfig.Match.EMAIL
                    ? m.email() != null && m.email().toLowerCase(Locale.ROOT).equals(v)
                    // Compared as text: a header value need not be a valid member id.
                    : m.id().value().toLowerCase(Locale.ROOT).equals(v)
                        || (m.githubLogin() != null
                            && m.githubLogin().toLowerCase(Locale.ROOT).equals(v)))
        .findFirst();
  }

  private String cookie(String value, long maxAge) {
    return COOKIE
        + "="
        + value
        + "; Path=/web; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Lax"
        + (config.secure() ? "; Secure" : "");
  }

  private static Nav nav(SignIns.Visitor v) {
    return new Nav(v.member().displayName(), v.csrf());
  }

  private static boolean same(String expected, String given) {
    return given != null
        && !expected.isEmpty()
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private void message(Context ctx, int status, String title, String text) {
    message(ctx, status, title, text, Nav.SIGNED_OUT);
  }

  private void message(Context ctx, int status, String title, String text, Nav nav) {
    render(ctx, status, "message.jte", Map.of("title", title, "text", text, "nav", nav));
  }

  private void render(Context ctx, int status, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebSite.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
