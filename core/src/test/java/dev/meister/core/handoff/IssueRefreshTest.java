package dev.meister.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.PriorityScale;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueSnapshot;
import dev.meister.core.filing.IssueTracker;
import dev.meister.core.schedule.RotationId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** "Pending" and "open" (seed 001's hand-off) are asked from GitHub when the hand-off happens. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IssueRefreshTest {
  private static final PriorityScale SEED_001 = new PriorityScale(List.of("P4", "P3", "P2", "P1"));
  private static final RotationId HAUS = RotationId.of("hausmeister");
  private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");
  private static final IssueRef A = ref("acme/data", 1);
  private static final IssueRef B = ref("acme/data", 2);
  private static final IssueRef SUB = ref("acme/infra", 7);

  private final KnownWork work = new KnownWork();
  private final FakeIssueTracker github = new FakeIssueTracker();

  @Test
  void an_issue_closed_on_github_that_meister_did_not_see_close_drops_out() {
    work.known.addAll(List.of(OpenIssue.of(A), OpenIssue.of(B)));
    github.put(A, "finance DAG fails", true, "bug", "P3");
    github.put(B, "stale", false, "P4");

    IssueRefresh.Refreshed now = refresh(github).openIssues(HAUS);

    assertThat(now.freshness()).isEqualTo(Freshness.CURRENT);
    assertThat(now.open())
        .containsExactly(
            new OpenIssue(
                A, Optional.of("finance DAG fails"), Optional.of("P3"), Optional.empty()));
    assertThat(work.seen).extracting(SeenIssue::open).containsExactly(true, false);
  }

  @Test
  void the_priority_is_the_most_urgent_label_on_the_scale_as_it_is_now() {
    work.known.add(
        new OpenIssue(A, Optional.of("old"), Optional.of("P1"), Optional.of("someone-else")));
    github.issues.put(
        A.toString(),
        new IssueSnapshot(A, "new", true, List.of("p2", "P4", "bug"), List.of("octocat")));

    assertThat(refresh(github).openIssues(HAUS).open())
        .containsExactly(
            new OpenIssue(A, Optional.of("new"), Optional.of("P4"), Optional.of("octocat")));
  }

  @Test
  void the_open_sub_issues_of_the_epic_are_the_rotations_too_listed_once() {
    work.known.add(OpenIssue.of(A));
    github.put(A, "a", true, "P3");
    github.subIssues.put(
        "cryptokaizen/cmamp#8785",
        List.of(
            new IssueSnapshot(SUB, "sub", true, List.of("P4"), List.of()),
            new IssueSnapshot(A, "a", true, List.of("P3"), List.of()),
            new IssueSnapshot(ref("acme/infra", 8), "done", false, List.of(), List.of())));

    IssueRefresh.Refreshed now = refresh(github).openIssues(HAUS);

    assertThat(now.open()).extracting(OpenIssue::ref).containsExactly(A, SUB);
    assertThat(work.seen).filteredOn(SeenIssue::inEpic).hasSize(3);
  }

  @Test
  void github_down_keeps_what_meister_last_saw_and_says_so() {
    OpenIssue lastSeen = new OpenIssue(A, Optional.of("a"), Optional.of("P3"), Optional.empty());
    work.known.addAll(List.of(lastSeen, OpenIssue.of(B)));
    github.down = true;

    IssueRefresh.Refreshed now = refresh(github).openIssues(HAUS);

    assertThat(now.freshness()).isEqualTo(Freshness.LAST_SEEN);
    assertThat(now.open()).containsExactly(lastSeen, OpenIssue.of(B));
    assertThat(github.asked).as("stops at the first failure").containsExactly("acme/data#1");
  }

  @Test
  void a_deleted_issue_is_gone_not_unreachable() {
    work.known.add(OpenIssue.of(A));

    IssueRefresh.Refreshed now = refresh(github).openIssues(HAUS);

    assertThat(now.freshness()).isEqualTo(Freshness.CURRENT);
    assertThat(now.open()).isEmpty();
  }

  @Test
  void without_a_tracker_the_issues_are_as_last_seen_without_asking() {
    work.known.add(OpenIssue.of(A));

    IssueRefresh.Refreshed now =
        new IssueRefresh(
                work,
                Optional.empty(),
                Map.of(),
                Map.of(),
                SEED_001,
                Clock.fixed(NOW, ZoneOffset.UTC))
            .openIssues(HAUS);

    assertThat(now.freshness()).isEqualTo(Freshness.UNTRACKED);
    assertThat(now.open()).containsExactly(OpenIssue.of(A));
  }

  @Test
  void monday_hands_back_the_rotations_configured_levels() {
    work.known.addAll(List.of(OpenIssue.of(A), OpenIssue.of(B)));
    github.put(A, "a", true, "P4");
    github.put(B, "b", true, "P3");

    HandedIssues monday =
        new IssueRefresh(
                work,
                Optional.of(github),
                Map.of(),
                Map.of(HAUS, new HandBack(List.of("P4"))),
                SEED_001,
                Clock.fixed(NOW, ZoneOffset.UTC))
            .handed(HAUS, HandoffKind.FROM_WEEKEND);

    assertThat(monday.handed()).extracting(OpenIssue::ref).containsExactly(A);
    assertThat(monday.backlog()).isEqualTo(1);
  }

  private IssueRefresh refresh(IssueTracker tracker) {
    return new IssueRefresh(
        work,
        Optional.of(tracker),
        Map.of(HAUS, EpicRef.parse("cryptokaizen/cmamp#8785")),
        Map.of(),
        SEED_001,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static IssueRef ref(String repo, int number) {
    return new IssueRef(repo, number, "https://github.com/" + repo + "/issues/" + number);
  }

  /** The issues Meister knows, and what the refresh told it. */
  private static final class KnownWork implements OpenWork {
    final List<OpenIssue> known = new ArrayList<>();
    final List<SeenIssue> seen = new ArrayList<>();

    @Override
    public List<OpenIssue> issues(RotationId rotation, int limit) {
      return known.subList(0, Math.min(limit, known.size()));
    }

    @Override
    public void seen(RotationId rotation, List<SeenIssue> issues, Instant at) {
      seen.addAll(issues);
    }

    @Override
    public List<Alert> unacknowledged(RotationId rotation, Instant since) {
      return List.of();
    }
  }
}
