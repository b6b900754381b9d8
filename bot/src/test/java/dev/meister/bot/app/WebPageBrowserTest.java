package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
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
import dev.meister.core.status.StatusPost;
import dev.meister.core.team.MemberId;
import dev.meister.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import picocli.CommandLine;

/**
 * Issue #15's browser test: the example rotations served by the real runtime (webhook server,
 * SQLite), read by headless Chromium through Debian's chromedriver. Signs in with a link printed by
 * {@code meister web-link}, opens every page, checks names, timeline blocks and the CSV download
 * (byte for byte {@code meister postmortem --csv}), and that a used link and a page without a
 * session are turned away. Skipped only where chromedriver is not installed ({@code .ci/run}
 * installs it).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebPageBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Wednesday 2 Dec 2026: Hausmeister week 5 (Alice, Level 2 Erin). */
  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private Path config;
  private Meister meister;
  private BotRuntime runtime;
  private ChromeDriver browser;
  private String base;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed at " + CHROMEDRIVER);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    String example = Files.readString(Path.of("../examples/meister.yml"));
    config = dir.resolve("meister.yml");
    Files.writeString(
        config,
        example
                .replace("  database: ./meister.db", "  database: " + dir.resolve("meister.db"))
                .replace("  port: 8080", "  port: " + port)
            + "\nweb:\n  base_url: "
            + base
            + "\n  session: 1h\n");
    MeisterConfig cfg = new ConfigLoader(Map.of()).load(config, SecretPolicy.OPTIONAL, w -> {});
    meister = Meister.open(cfg, cfg.storage().target(), clock);
    runtime = new BotRuntime(meister, List.of(), clock);
    runtime.start(Start.none().withWebhooks(cfg.server()));
    seedAlerts();

    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (meister != null) {
      meister.close();
    }
  }

  @Test
  void a_member_signs_in_with_a_one_time_link_and_reads_every_page() throws Exception {
    browser.get(base + "/web/now");
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/web");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");

    String link = cli("web-link", "--member", "alice").strip();
    assertThat(link).startsWith(base + "/web/login/");
    signIn(link);

    // Now: every rotation's primary, Level 2 and next, as /whoisoncall computes them.
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/web/now");
    String haus = browser.findElement(By.id("now-hausmeister")).getText();
    assertThat(haus)
        .contains("Primary: Alice Doe until Fri 4 Dec 17:00 CET")
        .contains("Level 2: Erin Novak until Mon 7 Dec 11:00 CET")
        .contains("Next: Dave Kim (weekend) from Fri 4 Dec 17:00 CET");
    assertThat(browser.findElement(By.id("now-de-standby")).getText())
        .contains("Primary: Danny until Mon 7 Dec 09:00 UTC");

    // Schedule: one lane per layer, the override marked and explained.
    browser.get(base + "/web/schedule?rotation=hausmeister");
    List<WebElement> blocks = browser.findElements(By.cssSelector("#timeline-hausmeister g.block"));
    assertThat(blocks).isNotEmpty();
    assertThat(blocks.stream().map(b -> b.getAttribute("data-lane")).distinct())
        .containsExactly("Primary", "Level 2", "Weekend");
    List<String> titles =
        browser.findElements(By.cssSelector("#timeline-hausmeister g.block > title")).stream()
            .map(t -> t.getAttribute("textContent"))
            .toList();
    assertThat(titles)
        .contains("Primary: Alice Doe, Wed 2 Dec 10:00 CET → Fri 4 Dec 17:00 CET")
        .contains("Weekend: Dave Kim, Fri 4 Dec 17:00 CET → Mon 7 Dec 11:00 CET (weekend layer)")
        .contains(
            "Primary: Bob Stone, Mon 21 Dec 11:00 CET → Mon 28 Dec 11:00 CET (override: someone"
                + " else took this time over)");
    assertThat(browser.findElements(By.cssSelector("#timeline-hausmeister g.block.changed")))
        .isNotEmpty();
    browser.manage().window().setSize(new Dimension(1280, 900));
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/web-schedule.png"), png);
    browser.get(base + "/web/schedule");
    Files.write(Path.of("target/web-schedule-all.png"), browser.getScreenshotAs(OutputType.BYTES));

    // My shifts: Alice's own, in every rotation.
    browser.get(base + "/web/me");
    String mine = browser.findElement(By.id("my-shifts")).getText();
    assertThat(mine)
        .contains("Hausmeister Primary Wed 2 Dec 10:00 CET Fri 4 Dec 17:00 CET")
        .contains("DagMeister");

    // Alerts: state and run link; filters by query parameter.
    browser.get(base + "/web/alerts");
    String open = browser.findElement(By.id("open-alerts")).getText();
    assertThat(open).contains("Build fail - cmamp fast (1234)").contains("Not acknowledged");
    String resolved = browser.findElement(By.id("resolved-alerts")).getText();
    assertThat(resolved)
        .contains("Acknowledged by Bob Stone at Wed 2 Dec 08:35 UTC")
        .contains("Resolved: flaky test → retried (bob)");
    assertThat(
            browser
                .findElement(By.cssSelector("#open-alerts a[href*='actions/runs']"))
                .getAttribute("href"))
        .isEqualTo("https://github.com/cryptokaizen/cmamp/actions/runs/1234");
    browser.get(base + "/web/alerts?source=airflow");
    assertThat(browser.findElements(By.cssSelector("tr[id^='alert-']"))).isEmpty();

    // Log book: the chart, and the CSV download is the file `meister postmortem --csv` writes.
    browser.get(base + "/web/logbook");
    assertThat(browser.findElements(By.cssSelector("#top-failures rect"))).hasSize(2);
    assertThat(browser.findElement(By.id("mtta")).getText()).contains("buildmeister 2026-11-30 2");
    String csv = download("/web/logbook.csv");
    Path cliCsv = dir.resolve("postmortem.csv");
    cli("postmortem", "--csv", "-o", cliCsv.toString());
    assertThat(csv).isEqualTo(Files.readString(cliCsv)).contains("flaky test");

    // The log book's charts: root causes, and MTTA/MTTR per rotation and week.
    assertThat(browser.findElements(By.cssSelector("#root-causes rect"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#chart-buildmeister g.week")))
        .extracting(w -> w.getAttribute("data-week"))
        .containsExactly("2026-11-30");

    // My shifts lists the calendar feeds, with Alice's own token.
    browser.get(base + "/web/me");
    String token = meister.storage().calendarTokens().tokenOf(MemberId.of("alice")).orElseThrow();
    assertThat(browser.findElement(By.id("feeds")).getText())
        .contains("My shifts " + base + "/cal/" + token + "/me.ics")
        .contains("Hausmeister " + base + "/cal/" + token + "/rotation/hausmeister.ics");

    // Hand-offs: the recorded handshake, reached from the navigation.
    browser.findElement(By.linkText("Hand-offs")).click();
    String handoffs = browser.findElement(By.id("handoffs-hausmeister")).getText();
    assertThat(handoffs)
        .contains("Mon 30 Nov 11:00 CET")
        .contains("Dave Kim → Alice Doe")
        .contains("complete")
        .contains("handed over Mon 30 Nov 11:10 CET")
        .contains("accepted Mon 30 Nov 11:20 CET")
        .contains("db migration half done");

    // On-call load over the default period (2 to 29 November): Anna's DE standby week, Monday
    // 9 November 09:00 UTC to the next Monday 09:00, split on the UTC clock.
    browser.findElement(By.linkText("On-call load")).click();
    assertThat(browser.findElement(By.id("load-period")).getText())
        .isEqualTo("2026-11-02 to 2026-11-29, both days included.");
    assertThat(browser.findElements(By.cssSelector("#load-chart g.person"))).isNotEmpty();
    assertThat(browser.findElement(By.id("load-anna")).getText())
        .isEqualTo("Anna 45.0 75.0 48.0 168.0 0.0");
    browser.manage().window().setSize(new Dimension(400, 900));
    Files.write(Path.of("target/web-load-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new Dimension(1280, 900));

    // DAG status: the latest post of the configured DAG.
    browser.findElement(By.linkText("DAG status")).click();
    assertThat(browser.findElement(By.id("status-dagao")).getText())
        .contains("DAG prod-dagao on Airflow prod")
        .contains("✅ Contracts were calculated and loaded");

    // Sign out: the session ends; pages send you to sign in again.
    browser.get(base + "/web/now");
    WebElement signOut = browser.findElement(By.cssSelector("form.signout button"));
    signOut.click();
    // Chrome may answer a look at the old button during the navigation with "node does not belong
    // to the document" instead of a stale-element error: that too means the page moved on, so
    // ask again.
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(signOut));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Signed out");
    browser.get(base + "/web/alerts");
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/web");
  }

  @Test
  void a_used_link_is_refused_with_a_page_that_says_so() throws Exception {
    String link = cli("web-link", "--member", "bob").strip();
    signIn(link);
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/web/now");
    browser.manage().deleteAllCookies();

    signIn(link);

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Link already used");
    assertThat(browser.findElement(By.className("message")).getText())
        .contains("each link works once");
    browser.get(base + "/web/now");
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/web");
  }

  @Test
  void a_link_older_than_ten_minutes_is_refused() throws Exception {
    String link = runtime.web().orElseThrow().link(MemberId.of("carol"));
    clock.advance(Duration.ofMinutes(10));

    signIn(link);

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Link expired");
  }

  @Test
  void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
    signIn(cli("web-link", "--member", "dave").strip());

    Cookie cookie =
        java.util.Objects.requireNonNull(browser.manage().getCookieNamed("meister_session"));
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(cookie.isSecure()).isFalse(); // http base_url; https makes it Secure
    assertThat(cookie.getExpiry()).isNotNull();
  }

  /**
   * Opens the link and presses its Sign-in button, as a person would, and waits for the page the
   * form leads to.
   */
  private void signIn(String link) {
    browser.get(link);
    WebElement button = browser.findElement(By.id("sign-in"));
    button.click();
    // Chrome may answer a look at the old button during the navigation with "node does not belong
    // to the document" instead of a stale-element error: that too means the page moved on, so
    // ask again.
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
  }

  /** Runs {@code meister ARGS --config FILE} and returns what it printed. */
  private String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new MeisterCli(), new EnvFactory(Map.of()));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    int exit = cli.execute(all);
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
  }

  /** What the browser's session downloads at {@code path}. */
  private String download(String path) throws Exception {
    Cookie session =
        java.util.Objects.requireNonNull(browser.manage().getCookieNamed("meister_session"));
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Cookie", "meister_session=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Two Buildmeister breaks: one open, one acknowledged and resolved. */
  private void seedAlerts() {
    var store = meister.storage();
    Alert open =
        store.alerts().record(alert("d-1", "Build fail - cmamp fast (1234)", 1234, 30)).alert();
    Alert done =
        store.alerts().record(alert("d-2", "Build fail - cmamp slow (1230)", 1230, 40)).alert();
    store
        .alerts()
        .acknowledge(
            new Acknowledgement(
                done.storedId(), MemberId.of("bob"), NOW.minusSeconds(25 * 60), AckChannel.BUTTON));
    store
        .resolutions()
        .resolve(new Resolution(done.storedId(), "flaky test", "retried", "bob", NOW));
    assertThat(open.storedId()).isNotEqualTo(done.storedId());
    Instant monday = Instant.parse("2026-11-30T10:00:00Z");
    store
        .handoffs()
        .save(
            HandoffRecord.announced(
                    RotationId.of("hausmeister"),
                    Position.PRIMARY,
                    monday,
                    MemberId.of("dave"),
                    MemberId.of("alice"))
                .confirmedByOutgoing(monday.plusSeconds(600), "db migration half done")
                .acceptedByIncoming(monday.plusSeconds(1200)));
    ChatRef chat = ChatRef.of(Platform.SLACK, "data-announcements");
    String text = "dagao: ✅ Contracts were calculated and loaded";
    long id = store.outbox().enqueue(PendingMessage.post(chat, OutgoingMessage.plain(text), null));
    store
        .statusPosts()
        .create(
            new StatusPost(
                "dagao",
                java.time.LocalDate.of(2026, 12, 2),
                chat,
                id,
                null,
                text,
                NOW,
                NOW,
                false));
  }

  private static Alert alert(String delivery, String title, long run, int minutesAgo) {
    Instant at = NOW.minusSeconds(minutesAgo * 60L);
    return new Alert(
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
            .runId(run)
            .branch("master")
            .runUrl("https://github.com/cryptokaizen/cmamp/actions/runs/" + run)
            .build());
  }
}
