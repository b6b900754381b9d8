package dev.meister.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.PriorityScale;
import dev.meister.core.alert.Tag;
import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.EscalationStep.Target;
import dev.meister.core.schedule.RotationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EscalationRulesTest {
  private static final Instant T = Instant.parse("2026-11-18T09:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  @Test
  void a_normal_alert_goes_to_level_two_then_the_team_lead() {
    EscalationLadder ladder = new EscalationLadder(alert(AlertPriority.NONE), TIMEOUT, true);

    assertThat(ladder.steps())
        .extracting(EscalationStep::target)
        .containsExactly(Target.SECONDARY, Target.TEAM_LEAD);
    assertThat(ladder.dueAt(T.plus(Duration.ofMinutes(14)), 0)).isEmpty();
    assertThat(ladder.dueAt(T.plus(TIMEOUT), 0)).map(EscalationStep::number).contains(1);
    assertThat(ladder.nextAfter(1)).contains(T.plus(Duration.ofMinutes(30)));
    assertThat(ladder.nextAfter(2)).isEmpty();
  }

  @Test
  void a_bot_that_was_down_jumps_to_the_step_due_now() {
    EscalationLadder ladder = new EscalationLadder(alert(AlertPriority.NONE), TIMEOUT, true);

    assertThat(ladder.dueAt(T.plus(Duration.ofHours(2)), 0))
        .map(EscalationStep::target)
        .contains(Target.TEAM_LEAD);
  }

  @Test
  void high_priority_and_rotations_without_level_two_go_to_the_lead() {
    assertThat(new EscalationLadder(alert(AlertPriority.legacyHigh()), TIMEOUT, true).steps())
        .extracting(EscalationStep::target)
        .containsExactly(Target.TEAM_LEAD);
    assertThat(new EscalationLadder(alert(AlertPriority.NONE), TIMEOUT, false).steps())
        .extracting(EscalationStep::target)
        .containsExactly(Target.TEAM_LEAD);
  }

  /** Seed 001's scale, highest first. */
  private static final PriorityScale HAUSMEISTER =
      new PriorityScale(List.of("P4", "P3", "P2", "P1"));

  // Seed 001: "P4 Very high priority: Stop everything and pull in other people to get this
  // resolved" — the top level skips Level 2; "P3 High priority: Hausmeister should actively work
  // on this" keeps the usual ladder.
  @Test
  void on_seed_001s_scale_p4_goes_straight_to_the_lead_and_p3_climbs_the_ladder() {
    Alert p4 = alert(AlertPriority.of(HAUSMEISTER, Optional.of("P4"), List.of()));
    Alert p3 = alert(AlertPriority.of(HAUSMEISTER, Optional.of("P3"), List.of(Tag.teamLead())));

    assertThat(new EscalationLadder(p4, TIMEOUT, true).steps())
        .extracting(EscalationStep::target)
        .containsExactly(Target.TEAM_LEAD);
    assertThat(new EscalationLadder(p3, TIMEOUT, true).steps())
        .extracting(EscalationStep::target)
        .containsExactly(Target.SECONDARY, Target.TEAM_LEAD);
  }

  @Test
  void the_lead_hears_of_a_highest_level_alert_as_high_priority() {
    Alert p4 =
        alert(AlertPriority.of(HAUSMEISTER, Optional.of("P4"), List.of())).withId(new AlertId(7));
    Alert p3 =
        alert(AlertPriority.of(HAUSMEISTER, Optional.of("P3"), List.of())).withId(new AlertId(7));

    assertThat(EscalationMessages.toTeamLead(p4, TIMEOUT, List.of()).text().plainText())
        .startsWith(":rotating_light: High-priority alert 7 ");
    assertThat(EscalationMessages.toTeamLead(p3, TIMEOUT, List.of()).text().plainText())
        .startsWith(":rotating_light: Alert 7 ");
  }

  @Test
  void fix_or_revert_reminders_come_after_an_hour_then_at_the_interval() {
    FixOrRevertSchedule s = new FixOrRevertSchedule(Duration.ofMinutes(60), Duration.ofMinutes(30));

    assertThat(s.stepAt(T, T.plus(Duration.ofMinutes(59)))).isZero();
    assertThat(s.stepAt(T, T.plus(Duration.ofMinutes(60)))).isEqualTo(1);
    assertThat(s.stepAt(T, T.plus(Duration.ofMinutes(89)))).isEqualTo(1);
    assertThat(s.stepAt(T, T.plus(Duration.ofMinutes(90)))).isEqualTo(2);
    assertThat(s.dueAt(T, 3)).isEqualTo(T.plus(Duration.ofMinutes(120)));
  }

  private static Alert alert(AlertPriority priority) {
    return new Alert(
        new AlertId(1),
        "github:1",
        "fp",
        RotationId.of("hausmeister"),
        null,
        priority,
        "Build fail",
        T,
        T,
        GitHubRun.builder("acme/widgets").build());
  }
}
