package dev.meister.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandoffRulesTest {
  private static final Instant B = Instant.parse("2026-11-16T10:00:00Z");
  private static final HandoffPolicy POLICY =
      new HandoffPolicy(Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1));
  private final HandoffRecord pending =
      HandoffRecord.announced(
          RotationId.of("dagmeister"),
          Position.PRIMARY,
          B,
          MemberId.of("alice"),
          MemberId.of("bob"));

  @Test
  void nothing_is_due_before_the_reminder_time() {
    assertThat(FollowUp.dueAt(pending, POLICY, B.plus(Duration.ofHours(4)).minusMillis(1)))
        .isEqualTo(FollowUp.NONE);
    assertThat(FollowUp.next(pending, POLICY)).contains(B.plus(Duration.ofHours(4)));
  }

  @Test
  void the_reminder_then_the_escalation_fall_due_once_each() {
    Instant remindAt = B.plus(Duration.ofHours(4));
    assertThat(FollowUp.dueAt(pending, POLICY, remindAt)).isEqualTo(FollowUp.REMIND);

    HandoffRecord reminded = pending.reminded(remindAt);
    assertThat(FollowUp.dueAt(reminded, POLICY, remindAt.plusSeconds(60))).isEqualTo(FollowUp.NONE);
    assertThat(FollowUp.next(reminded, POLICY)).contains(B.plus(Duration.ofHours(8)));
    assertThat(FollowUp.dueAt(reminded, POLICY, B.plus(Duration.ofHours(8))))
        .isEqualTo(FollowUp.ESCALATE);
    assertThat(FollowUp.next(reminded.escalated(B.plus(Duration.ofHours(8))), POLICY)).isEmpty();
  }

  @Test
  void a_late_start_goes_straight_to_the_escalation() {
    assertThat(FollowUp.dueAt(pending, POLICY, B.plus(Duration.ofHours(9))))
        .isEqualTo(FollowUp.ESCALATE);
  }

  @Test
  void a_complete_hand_off_needs_no_follow_up() {
    HandoffRecord done = pending.confirmedByOutgoing(B, "notes").acceptedByIncoming(B);

    assertThat(done.state()).isEqualTo(HandoffState.COMPLETE);
    assertThat(FollowUp.dueAt(done, POLICY, B.plus(Duration.ofDays(1)))).isEqualTo(FollowUp.NONE);
    assertThat(FollowUp.next(done, POLICY)).isEmpty();
  }

  @Test
  void an_epic_move_backs_off_and_gives_up_after_its_attempts() {
    EpicMove move = EpicMove.pending(B);
    move = move.failed("502", true, B);
    assertThat(move.nextAttemptAt()).isEqualTo(B.plus(Duration.ofMinutes(1)));
    move = move.failed("502", true, B);
    assertThat(move.nextAttemptAt()).isEqualTo(B.plus(Duration.ofMinutes(4)));
    for (int i = 0; i < 3; i++) {
      move = move.failed("502", true, B);
    }
    assertThat(move.state()).isEqualTo(EpicMove.State.PENDING);

    move = move.failed("502", true, B);

    assertThat(move.state()).isEqualTo(EpicMove.State.FAILED);
    assertThat(move.attempts()).isEqualTo(EpicMove.MAX_ATTEMPTS);
  }

  @Test
  void a_refusal_fails_the_epic_move_at_once() {
    assertThat(EpicMove.pending(B).failed("403", false, B).state())
        .isEqualTo(EpicMove.State.FAILED);
  }

  @Test
  void epics_are_written_owner_repo_number() {
    assertThat(EpicRef.parse("cryptokaizen/cmamp#8785"))
        .isEqualTo(new EpicRef("cryptokaizen", "cmamp", 8785));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EpicRef.parse("cmamp#8785"))
        .withMessage("'cmamp#8785' is not an issue like owner/repo#123");
  }
}
