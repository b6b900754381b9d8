package dev.meister.core.flaky;

import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells flaky tests apart. A test that failed on a commit and passed when the same commit was
 * re-run (GitHub's {@code run_attempt} > 1 on the same {@code head_sha}, whether re-run on GitHub
 * or from the chat's actions) is recorded flaky for that commit. Seed 002: "If unsure about the
 * cause of failure (chance that failure is temporary) … rerun the regressions" — a re-run that
 * passes answers that question, and Meister remembers the answer.
 *
 * <p>The two halves may come in either order: the re-run's webhook before or after the failed
 * attempt's logs were read. Both {@link #recorded} (at intake) and {@link #testsFailed} (after the
 * analysis) look for the other half. Call both in the transaction that queues their messages.
 */
public final class FlakyTests {
  private static final Logger log = LoggerFactory.getLogger(FlakyTests.class);

  /** How many of the branch's last runs the rate looks at. */
  public static final int WINDOW = 10;

  private final BuildRunStore store;
  private final MessageLinkStore messages;
  private final Outbox outbox;
  private final Optional<AlertCopies> copies;

  /**
   * @param copies edits a failed attempt's alert when its tests turn out flaky; empty to leave it
   */
  public FlakyTests(
      BuildRunStore store, MessageLinkStore messages, Outbox outbox, Optional<AlertCopies> copies) {
    this.store = store;
    this.messages = messages;
    this.outbox = outbox;
    this.copies = copies;
  }

  /**
   * Records the attempt a webhook event reports (nothing for an Airflow task or a job's event) and,
   * for a passed one, marks flaky the tests that failed on the same commit before; their alerts'
   * threads are told. Returns how many tests were newly seen flaky.
   */
  public int recorded(RunEvent event, Optional<AlertId> alert) {
    Optional<BuildRun> run = BuildRun.of(event, alert);
    if (run.isEmpty() || !store.record(run.get())) {
      return 0;
    }
    if (!run.get().passed()) {
      return 0;
    }
    BuildRun passed = run.get();
    int seen = 0;
    for (BuildRun earlier : store.onCommit(passed.repo(), passed.workflow(), passed.headSha())) {
      if (!earlier.passed() && reRunOf(passed, earlier) && earlier.alert().isPresent()) {
        List<String> flaky = markPassed(earlier, earlier.failedTests(), passed);
        seen += flaky.size();
        tell(earlier, flaky, passed);
      }
    }
    return seen;
  }

  /**
   * Records the failing tests the logs of {@code alert}'s attempt named and, when the same commit
   * already passed on a re-run, marks them flaky. Returns what to say about each failing test known
   * flaky (now or before), in the order given.
   */
  public List<FlakyNote> testsFailed(AlertId alert, String repo, List<String> tests) {
    store.recordFailedTests(alert, tests);
    Optional<BuildRun> run = store.forAlert(alert);
    if (run.isPresent()) {
      for (BuildRun later :
          store.onCommit(run.get().repo(), run.get().workflow(), run.get().headSha())) {
        if (later.passed() && reRunOf(later, run.get())) {
          markPassed(run.get(), tests, later);
        }
      }
    }
    List<FlakyNote> notes = notesFor(repo, tests, run);
    if (!notes.isEmpty()) {
      copies.ifPresent(c -> c.refresh(alert));
    }
    return notes;
  }

  /** What to say about the failing tests of {@code alert} known flaky; empty when none are. */
  public List<FlakyNote> notesFor(AlertId alert) {
    Optional<BuildRun> run = store.forAlert(alert);
    return run.map(r -> notesFor(r.repo(), r.failedTests(), run)).orElse(List.of());
  }

  /** Whether {@code test} of {@code repo} ever passed on a re-run after failing. */
  public boolean known(String repo, String test) {
    return !store.passesOf(repo, test).isEmpty();
  }

  /**
   * The tests seen flaky since {@code since}, flakiest first: most commits that passed on re-run,
   * then the highest failure rate on their branch, then the most recent.
   */
  public List<FlakyTest> flakiest(Instant since, int limit) {
    Map<String, List<FlakyPass>> byTest = new LinkedHashMap<>();
    for (FlakyPass p : store.passesSince(since)) {
      byTest.computeIfAbsent(p.repo() + "\n" + p.test(), k -> new ArrayList<>()).add(p);
    }
    List<FlakyTest> ranked = new ArrayList<>();
    for (List<FlakyPass> passes : byTest.values()) {
      FlakyPass newest = passes.get(0);
      ranked.add(
          new FlakyTest(
              newest.repo(),
              newest.test(),
              passes.size(),
              rate(newest.repo(), newest.workflow(), newest.branch(), newest.test()),
              newest.seenAt()));
    }
    ranked.sort(
        Comparator.comparingInt(FlakyTest::passes)
            .reversed()
            .thenComparing(t -> t.rate().share(), Comparator.reverseOrder())
            .thenComparing(FlakyTest::last, Comparator.reverseOrder()));
    return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
  }

  /**
   * The tests seen flaky since {@code since} whose failure rate on their branch is above {@code
   * threshold} (a share between 0 and 1): what the weekly review lists.
   */
  public List<FlakyTest> beyond(double threshold, Instant since) {
    return flakiest(since, Integer.MAX_VALUE).stream()
        .filter(t -> t.rate().share() > threshold)
        .toList();
  }

  /**
   * How often {@code test} failed over the last {@link #WINDOW} runs of its workflow on a branch.
   */
  public FlakyRate rate(String repo, String workflow, String branch, String test) {
    List<BuildRun> last = store.lastOnBranch(repo, workflow, branch, WINDOW);
    int failed = (int) last.stream().filter(r -> r.failedTests().contains(test)).count();
    return new FlakyRate(failed, last.size(), branch);
  }

  /**
   * Whether {@code later} ran the commit of {@code earlier} again: a later attempt of the same run,
   * or another run of the same workflow on the same commit after it.
   */
  private static boolean reRunOf(BuildRun later, BuildRun earlier) {
    return later.runId() == earlier.runId()
        ? later.attempt() > earlier.attempt()
        : !later.at().isBefore(earlier.at());
  }

  private List<String> markPassed(BuildRun failed, List<String> tests, BuildRun passed) {
    List<String> fresh = new ArrayList<>();
    for (String test : tests) {
      FlakyPass pass =
          new FlakyPass(
              failed.repo(),
              failed.workflow(),
              failed.branch(),
              test,
              failed.headSha(),
              failed.alert(),
              passed.attempt(),
              passed.at());
      if (store.recordPass(pass)) {
        fresh.add(test);
        log.info(
            "{} in {} failed on {} and passed on attempt {}: flaky",
            test,
            failed.repo(),
            failed.headSha(),
            passed.attempt());
      }
    }
    return fresh;
  }

  /** Under the failed attempt's alert: which of its tests passed on the re-run. */
  private void tell(BuildRun failed, List<String> flaky, BuildRun passed) {
    AlertId alert = failed.alert().orElseThrow();
    List<MessageRef> posted = messages.messagesFor(alert);
    if (flaky.isEmpty()) {
      return;
    }
    copies.ifPresent(c -> c.refresh(alert));
    if (posted.isEmpty()) {
      return; // not posted (yet): its message will carry the note when it is
    }
    RichText.Builder text =
        RichText.builder()
            .text(
                EmojiNames.unicode("game_die")
                    + " Passed on re-run (attempt "
                    + passed.attempt()
                    + ") of the same commit "
                    + shortSha(failed.headSha())
                    + ":");
    for (String test : flaky) {
      FlakyRate rate = rate(failed.repo(), failed.workflow(), failed.branch(), test);
      text.newline().text("flaky: " + rate.text() + ", passed on re-run — ").code(test);
    }
    outbox.enqueue(PendingMessage.reply(posted.get(0), OutgoingMessage.of(text.build()), null));
  }

  private List<FlakyNote> notesFor(String repo, List<String> tests, Optional<BuildRun> run) {
    List<FlakyNote> notes = new ArrayList<>();
    for (String test : tests) {
      List<FlakyPass> passes = store.passesOf(repo, test);
      if (passes.isEmpty()) {
        continue;
      }
      // The rate on the failing run's own branch; else where the test was last flaky.
      String workflow = run.map(BuildRun::workflow).orElse(passes.get(0).workflow());
      String branch = run.map(BuildRun::branch).orElse(passes.get(0).branch());
      notes.add(new FlakyNote(test, rate(repo, workflow, branch, test), passes.size()));
    }
    return notes;
  }

  static String shortSha(String sha) {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }
}
