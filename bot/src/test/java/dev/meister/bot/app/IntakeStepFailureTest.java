package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.alert.AlertFactory;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Intake;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.RunHistory;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.filing.GreenNotices;
import dev.meister.core.filing.IssueRequests;
import dev.meister.core.intake.IntakeStores;
import dev.meister.core.intake.RunIntake;
import dev.meister.core.pipeline.PipelineNotes;
import dev.meister.storage.GroupCommit;
import dev.meister.storage.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The intake is one transaction: whichever store call fails (as a crash would stop it there), the
 * redelivery of the same webhook does every step exactly once, and a redelivery after that changes
 * nothing. Each run fails the store at step 1, then 2, and so on, on a fresh SQLite file, until the
 * intake gets through without reaching the failing step.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IntakeStepFailureTest {
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  @ParameterizedTest(name = "within the pace: {0}")
  @ValueSource(booleans = {true, false})
  void a_failed_build_redelivered_after_a_failure_at_any_step_is_stored_posted_and_analysed_once(
      boolean withinPace) throws Exception {
    List<String> steps = null;
    int n = 1;
    for (; ; n++) {
      try (Bot bot = new Bot(n, withinPace)) {
        Throwable crash = catchThrowable(() -> bot.intake.accept(failure("d-1", NOW)));
        if (crash == null) {
          steps = bot.steps.seen;
          break;
        }
        assertThat(crash).hasMessageStartingWith("crash at step " + n + ":");
        assertThat(bot.count("SELECT COUNT(*) FROM alerts")).as("rolled back").isZero();

        bot.steps.failAt = 0;
        Intake redelivered = bot.intake.accept(failure("d-1", NOW));
        Intake again = bot.intake.accept(failure("d-1", NOW));

        assertThat(redelivered.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.alertId()).isEqualTo(redelivered.alertId());
        assertThat(bot.count("SELECT COUNT(*) FROM alerts")).isEqualTo(1);
        assertThat(bot.count("SELECT COUNT(*) FROM run_failures")).isEqualTo(1);
        assertThat(
                bot.count(
                    "SELECT COUNT(*) FROM outbox WHERE kind = 'POST' AND state = '"
                        + (withinPace ? "pending" : "folded")
                        + "'"))
            .isEqualTo(1);
        assertThat(bot.count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        assertThat(bot.count("SELECT COUNT(*) FROM issue_requests WHERE kind = 'ANALYSE'"))
            .isEqualTo(1);
      }
    }

    // Over the pace the post is queued already folded, in one write.
    List<String> expected =
        List.of(
            "AlertStore.record",
            "RunHistory.recordFailure",
            withinPace ? "Outbox.enqueue" : "Outbox.enqueueFolded",
            "IssueRequests.enqueue");
    assertThat(steps).containsExactlyElementsOf(expected);
    assertThat(n - 1).as("runs that failed a step").isEqualTo(expected.size());
  }

  @Test
  void a_success_redelivered_after_a_failure_at_any_step_says_green_again_once() throws Exception {
    List<String> steps = null;
    int n = 1;
    for (; ; n++) {
      try (Bot bot = new Bot(n, true)) {
        bot.steps.failAt = 0;
        AlertId red = bot.intake.accept(failure("red", NOW)).alertId().orElseThrow();
        OutboxEntry post = bot.storage.outbox().due(NOW, 10).get(0);
        MessageRef posted = new MessageRef(post.message().chat(), "100");
        bot.storage.outbox().delivered(post.id(), posted, NOW);
        bot.steps.seen.clear();
        bot.steps.failAt = n;

        RunEvent green = success("ok-1", NOW.plus(Duration.ofMinutes(20)));
        Throwable crash = catchThrowable(() -> bot.intake.accept(green));
        if (crash == null) {
          steps = bot.steps.seen;
          break;
        }
        assertThat(crash).hasMessageStartingWith("crash at step " + n + ":");
        assertThat(bot.count("SELECT COUNT(*) FROM run_successes")).as("rolled back").isZero();

        bot.steps.failAt = 0;
        Intake redelivered = bot.intake.accept(green);
        Intake again = bot.intake.accept(green);

        assertThat(redelivered.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(bot.count("SELECT COUNT(*) FROM run_successes")).isEqualTo(1);
        assertThat(bot.count("SELECT COUNT(*) FROM green_notices WHERE alert_id = " + red.value()))
            .isEqualTo(1);
        assertThat(
                bot.count(
                    "SELECT COUNT(*) FROM outbox WHERE kind = 'REPLY'"
                        + " AND target_message_id = '100' AND body LIKE '%Green again%'"))
            .isEqualTo(1);
        assertThat(bot.count("SELECT COUNT(*) FROM outbox"))
            .as("the post and the notice")
            .isEqualTo(2);
      }
    }

    assertThat(steps)
        .containsExactly(
            "RunHistory.recordSuccess",
            "GreenNotices.untold",
            "MessageLinkStore.messagesFor",
            "GreenNotices.notice",
            "Outbox.enqueue");
    assertThat(n - 1).as("runs that failed a step").isEqualTo(5);
  }

  @Test
  void a_later_success_tells_only_the_failures_not_told_yet_and_never_a_later_one()
      throws Exception {
    try (Bot bot = new Bot(0, true)) {
      AlertId first = bot.intake.accept(failure("f-1", NOW)).alertId().orElseThrow();
      bot.deliverAll();
      bot.intake.accept(success("ok-1", NOW.plus(Duration.ofMinutes(10))));
      AlertId second =
          bot.intake
              .accept(failure("f-2", NOW.plus(Duration.ofMinutes(20))))
              .alertId()
              .orElseThrow();
      bot.deliverAll();
      bot.intake.accept(success("ok-2", NOW.plus(Duration.ofMinutes(30))));
      AlertId later =
          bot.intake
              .accept(failure("f-3", NOW.plus(Duration.ofMinutes(40))))
              .alertId()
              .orElseThrow();
      bot.deliverAll();

      assertThat(
              bot.count(
                  "SELECT COUNT(*) FROM green_notices WHERE alert_id = "
                      + first.value()
                      + " AND success_key = 'github:ok-1'"))
          .isEqualTo(1);
      assertThat(
              bot.count(
                  "SELECT COUNT(*) FROM green_notices WHERE alert_id = "
                      + second.value()
                      + " AND success_key = 'github:ok-2'"))
          .isEqualTo(1);
      assertThat(bot.count("SELECT COUNT(*) FROM green_notices WHERE alert_id = " + later.value()))
          .isZero();
      assertThat(bot.count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%Green again%'"))
          .isEqualTo(2);
    }
  }

  private static RunEvent failure(String delivery, Instant at) {
    return new RunEvent("github:" + delivery, Outcome.FAILED, at, build(42L, 142));
  }

  private static RunEvent success(String delivery, Instant at) {
    return new RunEvent("github:" + delivery, Outcome.SUCCEEDED, at, build(44L, 144));
  }

  private static GitHubRun build(long runId, int runNumber) {
    return GitHubRun.builder("acme/widgets")
        .runId(runId)
        .runNumber(runNumber)
        .branch("master")
        .workflowName("Fast tests")
        .workflowPath(".github/workflows/fast_tests.yml")
        .build();
  }

  /** Counts every call to the stores and fails the one numbered {@code failAt} (0: none). */
  private static final class Steps {
    final List<String> seen = new ArrayList<>();
    int failAt;

    Steps(int failAt) {
      this.failAt = failAt;
    }

    <T> T wrap(Class<T> port, T store) {
      Object proxy =
          Proxy.newProxyInstance(
              port.getClassLoader(),
              new Class<?>[] {port},
              (self, method, args) -> {
                String step = port.getSimpleName() + "." + method.getName();
                seen.add(step);
                if (seen.size() == failAt) {
                  throw new IllegalStateException("crash at step " + failAt + ": " + step);
                }
                try {
                  return method.invoke(store, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
      return port.cast(proxy);
    }
  }

  /** The intake over a fresh database, its stores wrapped by {@link Steps}. */
  private final class Bot implements AutoCloseable {
    final Steps steps;
    final Meister meister;
    final Storage storage;
    final GroupCommit commits;
    final RunIntake intake;
    private int messages = 100;

    Bot(int failAt, boolean withinPace) throws Exception {
      Path config = dir.resolve("meister-" + failAt + "-" + withinPace + ".yml");
      Files.writeString(
          config,
          """
          team:
            members:
              bob: { name: Bob Stone }
          rotations:
            buildmeister:
              name: Buildmeister
              zone: Europe/Berlin
              shift: 2w
              handoff: { day: monday, time: "11:00" }
              anchor: 2026-11-16
              roster: [bob]
              chat: console/builds
          routes:
            - name: builds
              match: { source: github }
              rotation: buildmeister
          """);
      MeisterConfig cfg = new ConfigLoader(Map.of()).load(config, SecretPolicy.REQUIRED);
      meister =
          Meister.open(cfg, dir.resolve("meister-" + failAt + "-" + withinPace + ".db"), CLOCK);
      storage = meister.storage();
      steps = new Steps(failAt);
      commits = new GroupCommit(storage.database(), 16);
      IntakeStores stores =
          new IntakeStores(
              steps.wrap(AlertStore.class, storage.alerts()),
              steps.wrap(RunHistory.class, storage.runs()),
              steps.wrap(GreenNotices.class, storage.greenNotices()),
              steps.wrap(MessageLinkStore.class, storage.messageLinks()),
              steps.wrap(Outbox.class, storage.outbox()),
              steps.wrap(IssueRequests.class, storage.issueRequests()));
      intake =
          new RunIntake(
              RoutingConfig.router(cfg),
              RoutingConfig.priorities(cfg),
              new AlertFactory(RoutingConfig.testTypes(cfg)),
              new AlertMessages(cfg.team(), new PipelineNotes(cfg.duties().pipelines()), null),
              meister.directory(),
              stores,
              true,
              commits,
              chat -> withinPace,
              CLOCK,
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
    }

    /** Marks every pending post delivered as a chat message, as the outbox worker would. */
    void deliverAll() {
      for (OutboxEntry e : storage.outbox().due(NOW.plus(Duration.ofDays(1)), 100)) {
        storage
            .outbox()
            .delivered(e.id(), new MessageRef(e.message().chat(), "m" + messages++), NOW);
      }
    }

    int count(String sql) {
      return storage
          .database()
          .transaction(
              "counting",
              c -> {
                try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
    }

    @Override
    public void close() {
      commits.close();
      meister.close();
    }
  }
}
