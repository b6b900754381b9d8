package dev.meister.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.filing.IssueRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Seed 001's two hand-off rules, on its scale [P4, P3, P2, P1] (P4 most urgent). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandedIssuesTest {
  private static final PriorityScale SEED_001 = new PriorityScale(List.of("P4", "P3", "P2", "P1"));
  private static final HandBack P4_P3 = HandBack.topTwo(SEED_001);

  private static final OpenIssue P1 = issue(1, "P1");
  private static final OpenIssue P2 = issue(2, "P2");
  private static final OpenIssue P3 = issue(3, "P3");
  private static final OpenIssue P4 = issue(4, "P4");
  private static final OpenIssue NONE = issue(5, null);

  /** "On Friday at 5pm, the hausmeister shift ends and any pending issues are handed off..." */
  @Test
  void
      on_friday_any_pending_issues_are_handed_off_to_the_weekend_on_call_whatever_their_priority() {
    HandedIssues friday =
        HandedIssues.at(
            HandoffKind.TO_WEEKEND,
            List.of(P1, P2, NONE, P3, P4),
            P4_P3,
            SEED_001,
            Freshness.CURRENT);

    assertThat(friday.handed()).containsExactly(P4, P3, P2, P1, NONE);
    assertThat(friday.backlog()).isZero();
  }

  /** "On Monday at 11am, the weekend on-call engineer hands off any open P4-P3 issues..." */
  @Test
  void on_monday_only_open_p4_p3_issues_are_handed_back_and_the_backlog_is_counted() {
    HandedIssues monday =
        HandedIssues.at(
            HandoffKind.FROM_WEEKEND,
            List.of(P1, P3, P2, NONE, P4),
            P4_P3,
            SEED_001,
            Freshness.CURRENT);

    assertThat(monday.handed()).containsExactly(P4, P3);
    assertThat(monday.backlog()).isEqualTo(3);
  }

  @Test
  void the_default_hand_back_is_the_top_two_levels_of_the_configured_scale() {
    assertThat(HandBack.topTwo(SEED_001).levels()).containsExactly("P4", "P3");
    assertThat(HandBack.topTwo(PriorityScale.DEFAULT).levels()).containsExactly("P1", "P2");
  }

  @Test
  void a_rotation_may_hand_back_other_levels() {
    HandedIssues monday =
        HandedIssues.at(
            HandoffKind.FROM_WEEKEND,
            List.of(P1, P3, P4),
            new HandBack(List.of("P4")),
            SEED_001,
            Freshness.LAST_SEEN);

    assertThat(monday.handed()).containsExactly(P4);
    assertThat(monday.backlog()).isEqualTo(2);
    assertThat(monday.freshness()).isEqualTo(Freshness.LAST_SEEN);
  }

  @Test
  void an_ordinary_shift_change_passes_everything_open() {
    HandedIssues shift =
        HandedIssues.at(HandoffKind.SHIFT, List.of(P1, P3), P4_P3, SEED_001, Freshness.CURRENT);

    assertThat(shift.handed()).containsExactly(P3, P1);
    assertThat(shift.backlog()).isZero();
  }

  static OpenIssue issue(int number, @org.jspecify.annotations.Nullable String priority) {
    return new OpenIssue(
        new IssueRef("acme/data", number, "https://github.com/acme/data/issues/" + number),
        Optional.of("issue " + number),
        Optional.ofNullable(priority),
        Optional.empty());
  }
}
