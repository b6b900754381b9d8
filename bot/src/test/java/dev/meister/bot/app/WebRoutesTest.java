package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.filing.Resolution;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.status.StatusPost;
import dev.meister.core.team.MemberId;
import dev.meister.testing.MutableClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web page's routes over real HTTP, served by the real runtime on the example configuration
 * (SQLite): every page needs a session, the hand-offs, on-call load and DAG status pages, the log
 * book's charts, the calendar feed URLs on {@code /me}, a trusted proxy's header, and the page on a
 * port of its own.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebRoutesTest {
  /** Wednesday 2 Dec 2026. */
  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  /** Monday 30 Nov 2026 11:00 Berlin: Buildmeister passes from Frank to Grace. */
  private static final Instant BOUNDARY = Instant.parse("2026-11-30T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private @Nullable Meister started;
  private @Nullable BotRuntime running;
  private String base = "";
  private String hooks = "";

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    if (started != null) {
      started.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/web/now",
        "/web/schedule",
        "/web/me",
        "/web/alerts",
        "/web/handoffs",
        "/web/logbook",
        "/web/logbook.csv",
        "/web/load",
        "/web/status"
      })
  void every_page_without_a_session_sends_the_visitor_to_sign_in(String path) throws Exception {
    start("");

    HttpResponse<String> r = get(path, null);

    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).contains("/web");
  }

  @Test
  void the_navigation_links_every_page() throws Exception {
    start("");

    String html = get("/web/now", signIn("alice")).body();

    assertThat(html)
        .contains("href=\"/web/handoffs\">Hand-offs</a>")
        .contains("href=\"/web/load\">On-call load</a>")
        .contains("href=\"/web/status\">DAG status</a>")
        .contains("name=\"viewport\"")
        .doesNotContain("<script");
  }

  @Test
  void the_hand_offs_page_shows_who_handed_to_whom_the_confirmations_and_what_was_open()
      throws Exception {
    start("");
    Alert open = alert("d-1", "Build fail - cmamp fast (1234)", BOUNDARY.minusSeconds(3600));
    Alert fixed = alert("d-2", "Build fail - cmamp slow (1230)", BOUNDARY.minusSeconds(7200));
    meister()
        .storage()
        .resolutions()
        .resolve(
            new Resolution(
                fixed.storedId(), "flaky test", "retried", "frank", BOUNDARY.minusSeconds(60)));
    meister()
        .storage()
        .handoffs()
        .save(
            HandoffRecord.announced(
                    RotationId.of("buildmeister"),
                    Position.PRIMARY,
                    BOUNDARY,
                    MemberId.of("frank"),
                    MemberId.of("grace"))
                .confirmedByOutgoing(BOUNDARY.plusSeconds(300), "watch the nightly")
                .reminded(BOUNDARY.plusSeconds(4 * 3600))
                .escalated(BOUNDARY.plusSeconds(8 * 3600)));

    HttpResponse<String> r = get("/web/handoffs?rotation=buildmeister", signIn("alice"));

    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html)
        .contains("id=\"handoffs-buildmeister\"")
        .doesNotContain("id=\"handoffs-hausmeister\"")
        .contains("Mon 30 Nov 11:00 CET")
        .contains("Frank Ortiz → Grace Hopper")
        .contains("waiting for Grace Hopper to accept")
        .contains("handed over Mon 30 Nov 11:05 CET")
        .contains("reminded Mon 30 Nov 15:00 CET")
        .contains("team lead tagged Mon 30 Nov 19:00 CET")
        .contains("#" + open.storedId().value() + " Build fail - cmamp fast (1234)")
        .doesNotContain("Build fail - cmamp slow")
        .contains("watch the nightly");
    assertThat(get("/web/handoffs", signIn("bob")).body())
        .contains("id=\"handoffs-hausmeister\"")
        .contains("No hand-offs recorded yet.");
    assertThat(get("/web/handoffs?rotation=nope", signIn("bob")).statusCode()).isEqualTo(400);
  }

  @Test
  void the_load_page_defaults_to_the_last_four_weeks_and_splits_hours_as_documented()
      throws Exception {
    start("");
    String session = signIn("alice");

    assertThat(get("/web/load", session).body()).contains("2026-11-02 to 2026-11-29");

    // Anna takes Laura's Wednesday working day on DE standby, through the store chat writes to.
    meister()
        .overrides()
        .add(
            new ScheduleOverride(
                null,
                RotationId.of("de-standby"),
                Position.PRIMARY,
                MemberId.of("anna"),
                MemberId.of("laura"),
                Instant.parse("2026-11-18T09:00:00Z"),
                Instant.parse("2026-11-18T18:00:00Z"),
                "swap of days"));
    String html = get("/web/load?from=2026-11-16&to=2026-11-22", session).body();

    assertThat(html).contains("2026-11-16 to 2026-11-22");
    // Laura from Mon 16 Nov 09:00 UTC to the end of Sunday, less Anna's Wednesday.
    assertThat(row(html, "load-laura"))
        .isEqualTo(
            "<td>Laura</td><td>36.0</td><td>66.0</td><td>48.0</td><td>150.0</td><td>0.0</td>");
    // Anna: Monday until 09:00 (her week's end), and Wednesday's working day.
    assertThat(row(html, "load-anna"))
        .isEqualTo("<td>Anna</td><td>9.0</td><td>9.0</td><td>0.0</td><td>18.0</td><td>0.0</td>");
    assertThat(html).contains("id=\"load-chart\"").contains("<title>Laura: 36.0 h work");
  }

  @Test
  void a_bad_load_period_is_a_400_that_says_why() throws Exception {
    start("");
    String session = signIn("alice");

    HttpResponse<String> bad = get("/web/load?from=last-week", session);
    HttpResponse<String> backwards = get("/web/load?from=2026-11-20&to=2026-11-10", session);

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("from must be a date like 2026-11-30, not 'last-week'.");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body())
        .contains("The period must end on or after its start: 2026-11-20 to 2026-11-10.");
  }

  @Test
  void the_dag_status_page_shows_the_latest_post_of_each_configured_dag() throws Exception {
    start("");
    String session = signIn("alice");
    assertThat(get("/web/status", session).body())
        .contains("id=\"status-dagao\"")
        .contains("DAG prod-dagao on Airflow prod")
        .contains("No status post yet.");
    ChatRef chat = ChatRef.of(Platform.SLACK, "data-announcements");
    for (LocalDate day : List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))) {
      String text = "dagao " + day + ": ✅ Contracts were calculated and loaded";
      long id =
          meister()
              .storage()
              .outbox()
              .enqueue(PendingMessage.post(chat, OutgoingMessage.plain(text), null));
      meister()
          .storage()
          .statusPosts()
          .create(new StatusPost("dagao", day, chat, id, null, text, NOW, NOW, true));
    }

    String html = get("/web/status", session).body();

    assertThat(html)
        .contains("dagao 2026-12-02: ✅ Contracts were calculated and loaded")
        .doesNotContain("dagao 2026-12-01")
        .contains("2026-12-02 in slack:data-announcements, updated Wed 2 Dec 06:00 BRT — final");
  }

  @Test
  void the_log_book_charts_root_causes_and_mtta_and_mttr_per_rotation_and_week() throws Exception {
    start("");
    Alert a = alert("d-1", "Build fail - cmamp fast (1234)", NOW.minusSeconds(3600));
    meister()
        .storage()
        .resolutions()
        .resolve(new Resolution(a.storedId(), "flaky test", "retried", "bob", NOW));

    String html = get("/web/logbook", signIn("alice")).body();

    assertThat(html)
        .contains("id=\"root-causes\"")
        .contains("<title>flaky test: 1</title>")
        .contains("id=\"chart-buildmeister\"")
        .contains("data-week=\"2026-11-30\"")
        .contains("MTTR week of 2026-11-30: 60 min")
        .contains("MTTA week of 2026-11-30: none acknowledged");
  }

  @Test
  void the_log_book_lists_the_flakiest_tests() throws Exception {
    start("");
    meister()
        .storage()
        .buildRuns()
        .recordPass(
            new dev.meister.core.flaky.FlakyPass(
                "cryptokaizen/cmamp",
                ".github/workflows/fast_tests.yml",
                "master",
                "test_ohlcv_loader.py::test_resample",
                "3484a3f",
                java.util.Optional.empty(),
                2,
                NOW.minusSeconds(3600)));

    String html = get("/web/logbook", signIn("alice")).body();

    assertThat(html)
        .contains("id=\"flaky-tests\"")
        .contains("<code>test_ohlcv_loader.py::test_resample</code>")
        .contains("cryptokaizen/cmamp")
        .doesNotContain("No test passed on re-run after failing in the last 30 days.");
  }

  @Test
  void my_shifts_lists_my_calendar_feeds_which_answer_with_my_calendar() throws Exception {
    start("");

    String html = get("/web/me", signIn("alice")).body();

    String token = meister().storage().calendarTokens().tokenOf(MemberId.of("alice")).orElseThrow();
    String mine = base + "/cal/" + token + "/me.ics";
    assertThat(html)
        .contains("<a href=\"" + mine + "\">")
        .contains(base + "/cal/" + token + "/rotation/hausmeister.ics");
    HttpResponse<String> feed =
        http.send(
            HttpRequest.newBuilder(URI.create(mine)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
    // Asking again shows the same URLs: subscriptions keep working.
    assertThat(get("/web/me", signIn("alice")).body()).contains(mine);
  }

  @Test
  void a_trusted_proxy_header_signs_in_the_member_it_names_by_e_mail() throws Exception {
    start("  trusted_header: { name: X-Forwarded-Email, match: email }\n");

    HttpResponse<String> known = get("/web/now", null, "X-Forwarded-Email", "Alice@Example.com");
    HttpResponse<String> stranger = get("/web/now", null, "X-Forwarded-Email", "eve@example.com");
    HttpResponse<String> none = get("/web/now", null);

    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.body()).contains("<span class=\"who\">Alice Doe</span>");
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(stranger.body()).contains("Not a team member");
    assertThat(none.statusCode()).isEqualTo(302);
  }

  @Test
  void a_trusted_proxy_header_may_name_the_member_by_login() throws Exception {
    start("  trusted_header: { name: X-Forwarded-User, match: login }\n");

    assertThat(get("/web/now", null, "X-Forwarded-User", "bob-gh").body())
        .contains("<span class=\"who\">Bob Stone</span>");
    assertThat(get("/web/now", null, "X-Forwarded-User", "carol").body())
        .contains("<span class=\"who\">Carol Lee</span>");
    assertThat(get("/web/now", null, "X-Forwarded-User", "alice@example.com").statusCode())
        .isEqualTo(403);
  }

  @Test
  void without_a_trusted_header_configured_the_header_is_ignored() throws Exception {
    start("");

    HttpResponse<String> r = get("/web/now", null, "X-Forwarded-Email", "alice@example.com");

    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).contains("/web");
  }

  @Test
  void with_a_port_of_its_own_the_page_is_served_there_and_not_on_the_webhooks() throws Exception {
    int own = freePort();
    start("  port: " + own + "\n", own);

    String session = signIn("alice");
    HttpResponse<String> page = get("/web/now", session);
    HttpResponse<String> onHooks =
        http.send(
            HttpRequest.newBuilder(URI.create(hooks + "/web")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(base).endsWith(":" + own);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"now-hausmeister\"");
    assertThat(onHooks.statusCode()).isEqualTo(404);
    assertThat(runtime().ownWebServer()).isPresent();
  }

  // --- harness ---

  private void start(String webExtra) throws Exception {
    start(webExtra, 0);
  }

  /** The example configuration with a {@code web:} section; {@code webPort} 0 shares the hooks'. */
  private void start(String webExtra, int webPort) throws Exception {
    int port = freePort();
    hooks = "http://127.0.0.1:" + port;
    base = webPort == 0 ? hooks : "http://127.0.0.1:" + webPort;
    String example = Files.readString(Path.of("../examples/meister.yml"));
    Path config = dir.resolve("meister.yml");
    Files.writeString(
        config,
        example
                .replace("  database: ./meister.db", "  database: " + dir.resolve("meister.db"))
                .replace("  port: 8080", "  port: " + port)
                .replace("github: alice-gh,", "github: alice-gh, email: alice@example.com,")
            + "\nweb:\n  base_url: "
            + base
            + "\n  session: 1h\n"
            + webExtra);
    MeisterConfig cfg = new ConfigLoader(Map.of()).load(config, SecretPolicy.OPTIONAL, w -> {});
    started = Meister.open(cfg, cfg.storage().target(), clock);
    running = new BotRuntime(started, List.of(), clock);
    running.start(Start.none().withWebhooks(cfg.server()));
  }

  private Meister meister() {
    return java.util.Objects.requireNonNull(started, "not started");
  }

  private BotRuntime runtime() {
    return java.util.Objects.requireNonNull(running, "not started");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Signs {@code member} in with a one-time link and returns the session cookie's value. */
  private String signIn(String member) throws Exception {
    String link = runtime().web().orElseThrow().link(MemberId.of(member));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(link))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring("meister_session=".length(), cookie.indexOf(';'));
  }

  private HttpResponse<String> get(String path, @Nullable String session, String... header)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (session != null) {
      b.header("Cookie", "meister_session=" + session);
    }
    if (header.length == 2) {
      b.header(header[0], header[1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The cells of the table row with {@code id}. */
  private static String row(String html, String id) {
    int start = html.indexOf("<tr id=\"" + id + "\">");
    assertThat(start).as("row " + id).isNotNegative();
    int from = html.indexOf('>', start) + 1;
    // The labels a phone shows before each number are not part of the cells' text.
    return html.substring(from, html.indexOf("</tr>", from))
        .replaceAll(" data-label=\"[^\"]*\"", "");
  }

  private Alert alert(String delivery, String title, Instant at) {
    return meister()
        .storage()
        .alerts()
        .record(
            new Alert(
                null,
                "github:" + delivery,
                "gh:cryptokaizen/cmamp:" + title,
                RotationId.of("buildmeister"),
                "builds",
                AlertPriority.NONE,
                title,
                at,
                at,
                GitHubRun.builder("cryptokaizen/cmamp")
                    .runId(1234L)
                    .branch("master")
                    .runUrl("https://github.com/cryptokaizen/cmamp/actions/runs/1234")
                    .build()))
        .alert();
  }
}
