package dev.meister.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import dev.meister.core.team.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What escalating by hand records and says, and the nudge that suggests it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandEscalationTest {
  private static final Instant T = Instant.parse("2026-11-18T09:00:00Z");
  private static final MemberId ALICE = MemberId.of("alice");
  private static final MemberId CAROL = MemberId.of("carol");
  private static final MemberId LENA = MemberId.of("lena");
  private static final Team TEAM =
      new Team(
          List.of(
              member("alice", "Alice Doe", Role.MEMBER),
              member("carol", "Carol Lee", Role.MEMBER),
              member("lena", "Lena Lead", Role.TEAM_LEAD)));
  private static final HelpMessages MESSAGES = new HelpMessages(TEAM);

  // Seed 001: "If an issue comes up that you cannot handle independently, you should escalate the
  // alert to the Level 2 and pair with them to resolve the issue."
  @Test
  void the_tag_names_level_two_who_escalated_the_alert_and_why() {
    Escalation e = escalation(Escalation.Level.LEVEL_2, List.of(CAROL), "no idea where to start");

    assertThat(MESSAGES.escalated(alert(), e).text().plainText())
        .isEqualTo(
            ":arrow_double_up: @carol (Level 2): Alice Doe escalated alert 7 (Build fail): no idea"
                + " where to start. Please pair on it.");
  }

  @Test
  void without_level_two_the_team_lead_is_tagged() {
    Escalation e = escalation(Escalation.Level.TEAM_LEAD, List.of(LENA), "");

    assertThat(MESSAGES.escalated(alert(), e).text().plainText())
        .isEqualTo(
            ":arrow_double_up: Team lead @lena: Alice Doe escalated alert 7 (Build fail). Please"
                + " pair on it.");
  }

  @Test
  void the_alert_line_names_people_without_pinging_them_in_the_rotations_zone() {
    RichText.Builder text = RichText.builder().text("alert");

    MESSAGES.line(
        text,
        escalation(Escalation.Level.LEVEL_2, List.of(CAROL), "stuck"),
        ZoneId.of("Europe/Berlin"));

    RichText line = text.build();
    assertThat(line.plainText())
        .isEqualTo("alert\n⏫ Escalated to Carol Lee (Level 2) by Alice Doe at 10:20 CET: stuck");
    assertThat(line.withoutMentions(id -> "?")).isEqualTo(line);
  }

  // Seed 001: escalate "if you try to solve an issue for more than one hour and feel you are not
  // making progress".
  @Test
  void the_nudge_asks_the_acknowledger_whether_they_are_still_on_it_and_points_to_escalate() {
    Acknowledgement ack = new Acknowledgement(new AlertId(7), ALICE, T, AckChannel.COMMAND);

    String nudge =
        MESSAGES
            .nudge(
                alert(),
                ack,
                new HelpTarget(Escalation.Level.LEVEL_2, List.of(CAROL)),
                Duration.ofMinutes(60))
            .text()
            .plainText();

    assertThat(nudge)
        .isEqualTo(
            ":hourglass: @alice still on it? Alert 7 (Build fail) is yours for 60 min. /escalate"
                + " pulls in Carol Lee (Level 2).");
  }

  @Test
  void a_blank_note_is_no_note() {
    assertThat(escalation(Escalation.Level.LEVEL_2, List.of(CAROL), "  ").note()).isEmpty();
    assertThat(escalation(Escalation.Level.LEVEL_2, List.of(CAROL), " why ").note())
        .contains("why");
  }

  @Test
  void an_escalation_needs_someone_to_escalate_to() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> escalation(Escalation.Level.TEAM_LEAD, List.of(), "help"))
        .withMessage("an escalation needs someone to escalate to");
  }

  @Test
  void the_hand_off_line_says_which_alert_went_to_whom_and_why() {
    EscalatedAlert open =
        new EscalatedAlert(alert(), escalation(Escalation.Level.LEVEL_2, List.of(CAROL), "stuck"));

    assertThat(open.describe(TEAM))
        .isEqualTo("7 (Build fail) to Carol Lee (Level 2) by Alice Doe: stuck");
  }

  private static Escalation escalation(Escalation.Level level, List<MemberId> to, String note) {
    return new Escalation(
        new AlertId(7), ALICE, level, to, Optional.of(note), T.plus(Duration.ofMinutes(20)));
  }

  private static Alert alert() {
    return new Alert(
        new AlertId(7),
        "github:7",
        "fp",
        RotationId.of("hausmeister"),
        "builds",
        AlertPriority.NONE,
        "Build fail",
        T,
        T,
        GitHubRun.builder("acme/widgets").build());
  }

  private static Member member(String id, String name, Role role) {
    return new Member(MemberId.of(id), name, ChatIdentities.none(), null, Set.of(role));
  }
}
