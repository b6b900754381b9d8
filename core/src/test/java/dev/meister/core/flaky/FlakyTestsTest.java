package dev.meister.core.flaky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The rules that tell a flaky test, clock-free: attempts with their times given. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FlakyTestsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private static final String REPO = "acme/widgets";
  private static final String FAST = ".github/workflows/fast_tests.yml";
  private static final String TEST = "tests/test_clock.py::test_tick";

  private final MemoryStore store = new MemoryStore();
  private final FlakyTests flaky =
      new FlakyTests(store, quiet(MessageLinkStore.class), quiet(Outbox.class), Optional.empty());

  /** A port whose answers are all empty: these rules post nothing the tests look at. */
  @SuppressWarnings("unchecked")
  private static <T> T quiet(Class<T> port) {
    return (T)
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              Class<?> r = method.getReturnType();
              if (r == List.class) {
                return List.of();
              }
              if (r == Optional.class) {
                return Optional.empty();
              }
              if (r == long.class) {
                return 0L;
              }
              if (r == int.class) {
                return 0;
              }
              if (r == boolean.class) {
                return false;
              }
              return null;
            });
  }

  private static RunEvent event(
      long runId, int attempt, String sha, Outcome outcome, String branch, int minute) {
    return new RunEvent(
        "github:" + runId + "-" + attempt + "-" + branch,
        outcome,
        T0.plusSeconds(60L * minute),
        GitHubRun.builder(REPO)
            .runId(runId)
            .runAttempt(attempt)
            .headSha(sha)
            .branch(branch)
            .workflowPath(FAST)
            .build());
  }

  private void failed(long runId, int attempt, String sha, int minute, String... tests) {
    AlertId alert = new AlertId(runId * 10 + attempt);
    flaky.recorded(
        event(runId, attempt, sha, Outcome.FAILED, "master", minute), Optional.of(alert));
    flaky.testsFailed(alert, REPO, List.of(tests));
  }

  private int passed(long runId, int attempt, String sha, String branch, int minute) {
    return flaky.recorded(
        event(runId, attempt, sha, Outcome.SUCCEEDED, branch, minute), Optional.empty());
  }

  @Test
  void attempt_2_passing_the_commit_attempt_1_failed_makes_its_tests_flaky() {
    failed(1, 1, "aaa", 0, TEST);

    assertThat(passed(1, 2, "aaa", "master", 5)).isEqualTo(1);
    assertThat(flaky.known(REPO, TEST)).isTrue();
  }

  @Test
  void a_pass_of_another_commit_or_of_an_earlier_attempt_makes_nothing_flaky() {
    failed(1, 2, "aaa", 0, TEST);

    assertThat(passed(2, 1, "bbb", "master", 5)).isZero();
    assertThat(passed(1, 1, "aaa", "master", 6)).isZero();
    assertThat(flaky.known(REPO, TEST)).isFalse();
  }

  @Test
  void a_job_s_event_or_an_airflow_task_is_no_attempt() {
    RunEvent job =
        new RunEvent(
            "github:job",
            Outcome.FAILED,
            T0,
            GitHubRun.builder(REPO)
                .runId(1L)
                .job("lint")
                .headSha("aaa")
                .workflowPath(FAST)
                .build());

    assertThat(BuildRun.of(job, Optional.empty())).isEmpty();
  }

  @Test
  void the_rate_counts_the_last_ten_runs_on_the_branch_only() {
    failed(1, 1, "s1", 0, TEST); // falls out of the window
    passed(1, 2, "s1", "master", 1);
    failed(2, 1, "s2", 2, TEST);
    passed(2, 2, "s2", "master", 3);
    failed(3, 1, "s3", 4, TEST);
    for (int i = 0; i < 5; i++) {
      passed(10 + i, 1, "p" + i, "master", 5 + i);
    }
    failed(20, 1, "s20", 11, TEST);
    passed(30, 1, "f1", "feature/x", 12);

    FlakyRate rate = flaky.rate(REPO, FAST, "master", TEST);

    assertThat(rate.text()).isEqualTo("failed 3 of the last 10 runs on master");
    assertThat(rate.percent()).isEqualTo("30%");
    assertThat(flaky.notesFor(new AlertId(201)))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.text())
                    .isEqualTo("flaky: failed 3 of the last 10 runs on master, passed on re-run"));
  }

  @Test
  void beyond_lists_only_tests_whose_rate_is_above_the_threshold_flakiest_first() {
    failed(1, 1, "s1", 0, TEST, "tests/test_other.py::test_rare");
    passed(1, 2, "s1", "master", 1);
    failed(2, 1, "s2", 2, TEST);
    passed(2, 2, "s2", "master", 3);

    assertThat(flaky.flakiest(T0, 10))
        .extracting(FlakyTest::test)
        .containsExactly(TEST, "tests/test_other.py::test_rare");
    // TEST failed 2 of 4 runs, test_rare 1 of 4.
    assertThat(flaky.beyond(0.3, T0)).extracting(FlakyTest::test).containsExactly(TEST);
    assertThat(flaky.beyond(0.5, T0)).isEmpty();
  }

  @Test
  void a_new_alert_has_no_flaky_notes_and_they_are_not_looked_up_until_its_logs_are_read() {
    AlertId id = new AlertId(11);
    RunEvent event = event(1, 1, "aaa", Outcome.FAILED, "master", 0);
    flaky.recorded(event, Optional.of(id));
    Alert alert =
        new Alert(
            id,
            event.deliveryKey(),
            "fp",
            null,
            null,
            AlertPriority.legacyHigh(),
            "Build fail",
            T0,
            T0,
            event.origin());
    FlakyAlertNotes notes = new FlakyAlertNotes(flaky);

    RichText.Builder fresh = RichText.builder().text("alert");
    notes.addToNew(alert, fresh);
    assertThat(fresh.build().plainText()).isEqualTo("alert");
    assertThat(store.lookups).isZero();

    // Once the logs named a test that passed on the re-run, the alert's edits carry it.
    passed(1, 2, "aaa", "master", 1);
    flaky.testsFailed(id, REPO, List.of(TEST));
    RichText.Builder edited = RichText.builder().text("alert");
    notes.addTo(alert, edited);
    assertThat(edited.build().plainText()).contains(TEST, "Re-run it before filing a bug");
  }

  /** The store as the JDBC one behaves, in memory. */
  private static final class MemoryStore implements BuildRunStore {
    private final List<BuildRun> runs = new ArrayList<>();
    private int lookups;
    private final List<FlakyPass> passes = new ArrayList<>();

    @Override
    public boolean record(BuildRun run) {
      if (runs.stream().anyMatch(r -> r.dedupKey().equals(run.dedupKey()))) {
        return false;
      }
      return runs.add(run);
    }

    @Override
    public boolean recordFailedTests(AlertId alert, List<String> tests) {
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).alert().equals(Optional.of(alert))) {
          runs.set(i, runs.get(i).withFailedTests(tests.stream().sorted().toList()));
          return true;
        }
      }
      return false;
    }

    @Override
    public Optional<BuildRun> forAlert(AlertId alert) {
      lookups++;
      return runs.stream().filter(r -> r.alert().equals(Optional.of(alert))).findFirst();
    }

    @Override
    public List<BuildRun> onCommit(String repo, String workflow, String headSha) {
      return runs.stream()
          .filter(
              r ->
                  r.repo().equals(repo)
                      && r.workflow().equals(workflow)
                      && r.headSha().equals(headSha))
          .sorted(Comparator.comparing(BuildRun::at))
          .toList();
    }

    @Override
    public List<BuildRun> lastOnBranch(String repo, String workflow, String branch, int limit) {
      return runs.stream()
          .filter(
              r ->
                  r.repo().equals(repo)
                      && r.workflow().equals(workflow)
                      && r.branch().equals(branch))
          .sorted(Comparator.comparing(BuildRun::at).reversed())
          .limit(limit)
          .toList();
    }

    @Override
    public boolean recordPass(FlakyPass pass) {
      boolean seen =
          passes.stream()
              .anyMatch(
                  p ->
                      p.repo().equals(pass.repo())
                          && p.test().equals(pass.test())
                          && p.headSha().equals(pass.headSha()));
      return !seen && passes.add(pass);
    }

    @Override
    public List<FlakyPass> passesOf(String repo, String test) {
      return passes.stream()
          .filter(p -> p.repo().equals(repo) && p.test().equals(test))
          .sorted(Comparator.comparing(FlakyPass::seenAt).reversed())
          .toList();
    }

    @Override
    public List<FlakyPass> passesSince(Instant since) {
      return passes.stream()
          .filter(p -> !p.seenAt().isBefore(since))
          .sorted(Comparator.comparing(FlakyPass::seenAt).reversed())
          .toList();
    }
  }
}
