package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.filing.IssueRef;
import dev.meister.core.handoff.OpenIssue;
import dev.meister.core.handoff.SeenIssue;
import dev.meister.core.schedule.RotationId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * V17: when GitHub said an issue was opened and last touched, kept with its state so {@code
 * /issues} shows ages and flags stale issues also when GitHub is down.
 */
class JdbcIssueStateTimesTest extends StorageTestBase {
  private static final RotationId BUILDS = RotationId.of("buildmeister");
  private static final IssueRef SUB =
      new IssueRef("acme/y", 5, "https://github.com/acme/y/issues/5");

  @Test
  void the_times_github_gave_are_read_back_after_a_restart() {
    OpenIssue issue = withTimes();

    storage.openWork().seen(BUILDS, List.of(new SeenIssue(issue, true, true)), NOW);
    reopen();

    assertThat(storage.openWork().issues(BUILDS, 20)).containsExactly(issue);
  }

  @Test
  void an_answer_without_times_keeps_the_ones_seen_before() {
    OpenIssue issue = withTimes();
    storage.openWork().seen(BUILDS, List.of(new SeenIssue(issue, true, true)), NOW);

    OpenIssue timeless = new OpenIssue(SUB, issue.title(), issue.priority(), issue.assignee());
    storage
        .openWork()
        .seen(BUILDS, List.of(new SeenIssue(timeless, true, true)), NOW.plusSeconds(60));

    assertThat(storage.openWork().issues(BUILDS, 20)).containsExactly(issue);
  }

  private static OpenIssue withTimes() {
    return new OpenIssue(
        SUB,
        Optional.of("sub"),
        Optional.of("P4"),
        Optional.of("bob-gh"),
        Optional.of(NOW.minus(Duration.ofDays(9))),
        Optional.of(NOW.minus(Duration.ofHours(3))));
  }
}
