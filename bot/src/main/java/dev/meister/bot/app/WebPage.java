package dev.meister.bot.app;

import dev.meister.bot.calendar.CalendarRoutes;
import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.config.WebConfig;
import dev.meister.bot.web.WebData;
import dev.meister.bot.web.WebSite;
import dev.meister.core.action.ActionLog;
import dev.meister.core.calendar.CalendarAccess;
import dev.meister.core.filing.BreakLog;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.team.MemberId;
import dev.meister.core.web.AlertsPage;
import dev.meister.core.web.LogBook;
import dev.meister.core.web.SignIns;
import dev.meister.core.web.WebCommand;
import dev.meister.storage.Storage;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;

/**
 * The web page assembled, when {@code web:} enables it: sign-ins on the database, the site's
 * routes, {@code /web}, and the links {@code meister web-link} prints (the same code path).
 */
final class WebPage {
  private final WebConfig config;
  private final SignIns signIns;
  private final WebSite site;
  private final CalendarRoutes calendars;

  private WebPage(WebConfig config, SignIns signIns, WebSite site, CalendarRoutes calendars) {
    this.config = config;
    this.signIns = signIns;
    this.site = site;
    this.calendars = calendars;
  }

  static Optional<WebPage> of(Meister meister, Clock clock) {
    WebConfig config = meister.config().web();
    if (!config.enabled()) {
      return Optional.empty();
    }
    Storage storage = meister.storage();
    SignIns signIns =
        new SignIns(storage.signIns(), meister.config().team(), config.session(), clock);
    BreakLog log =
        new BreakLog(
            storage.alerts(),
            storage.issueLinks(),
            storage.resolutions(),
            new ActionLog(storage.actions(), meister.config().team()));
    CalendarAccess access =
        new CalendarAccess(storage.calendarTokens(), meister.config().team(), clock);
    WebData data =
        new WebData(
            meister.directory(),
            meister.config().team(),
            new AlertsPage.Stores(
                storage.alerts(),
                storage.escalations(),
                storage.issueLinks(),
                storage.resolutions()),
            log::all,
            storage.handoffs(),
            meister.statusPosts().stream().map(p -> p.plan().board()).toList(),
            storage.statusPosts(),
            access,
            () ->
                new FlakyTests(
                        storage.buildRuns(),
                        storage.messageLinks(),
                        storage.outbox(),
                        Optional.empty())
                    .flakiest(clock.instant().minus(java.time.Duration.ofDays(30)), LogBook.TOP));
    // The calendar feeds live beside the page: their URLs start with web.base_url too.
    CalendarRoutes calendars =
        new CalendarRoutes(access, meister.directory(), meister.config().team(), clock);
    return Optional.of(new WebPage(config, signIns, new WebSite(config, signIns, data), calendars));
  }

  WebSite site() {
    return site;
  }

  /** Serves the page and the calendar feeds on {@code app}. */
  void mount(Javalin app) {
    site.mount(app);
    calendars.register(app);
  }

  SignIns signIns() {
    return signIns;
  }

  WebCommand command() {
    return new WebCommand(signIns, config::link);
  }

  /** A new one-time sign-in link for {@code member}: what {@code /web} sends and the CLI prints. */
  String link(MemberId member) {
    return config.link(SignIns.LINK_PATH + signIns.issueLink(member));
  }

  /** Whether the page is served by the webhook server (no port of its own, or the same one). */
  boolean sharesServer(ServerConfig server) {
    return config.port().isEmpty() || config.port().getAsInt() == server.port();
  }

  /** Whether the page needs a listener of its own. */
  boolean ownPort(Optional<ServerConfig> webhooks) {
    return config.port().isPresent() && webhooks.map(s -> !sharesServer(s)).orElse(true);
  }

  /** Starts the page's own listener on {@code web.bind} (default: the webhooks' bind). */
  Javalin serveAlone(Optional<ServerConfig> webhooks) {
    String bind =
        config.bind().orElse(webhooks.map(ServerConfig::bind).orElse(ServerConfig.DEFAULT_BIND));
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
    mount(app);
    app.start(bind, config.port().orElseThrow());
    return app;
  }
}
