package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.handoff.EpicRef;
import dev.meister.core.pipeline.Pipeline;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** handoffs, epics, ack_timeout, fix_or_revert and pipelines in the configuration file. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class DutiesConfigTest {
  /** Lines 1-14; whatever a test appends starts on line 15. */
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, roles: [team_lead] }
          bob: { name: Bob }
          carol: { name: Carol }
      rotations:
        ops:
          name: Ops
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice, bob]
          chat: console/ops
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void defaults_apply_when_nothing_is_written() throws ConfigException {
    DutiesConfig d = fixture.load(BASE).duties();

    assertThat(d.handoffs().remindAfter()).isEqualTo(Duration.ofHours(4));
    assertThat(d.handoffs().escalateAfter()).isEqualTo(Duration.ofHours(8));
    assertThat(d.fixOrRevert()).isEqualTo(FixOrRevertConfig.defaults());
    assertThat(d.pipelines()).isEmpty();
    assertThat(d.epics()).isEmpty();
  }

  @Test
  void everything_is_read() throws ConfigException {
    DutiesConfig d =
        fixture
            .load(
                BASE.replace(
                        "chat: console/ops", "chat: console/ops\n    epic: cryptokaizen/cmamp#8785")
                    + """
        airflow:
          prod: { url: "https://airflow.example.com", api: v2 }
        routes:
          - { name: all, rotation: ops, ack_timeout: 15m }
        handoffs: { remind_after: 2h, escalate_after: 1d }
        fix_or_revert: { after: 45m, every: 2h }
        pipelines:
          - name: dagao
            dag: prod-dagao
            owners: { primary: bob, secondary: carol }
            sla: "03:00 UTC"
            downstream: [alice]
            hints:
              - { pattern: OOM, hint: check partitions for data skew }
            runbooks: [https://wiki.example.com/dagao]
        """)
            .duties();

    assertThat(d.epics())
        .containsEntry(RotationId.of("ops"), EpicRef.parse("cryptokaizen/cmamp#8785"));
    assertThat(d.ackTimeout("all")).contains(Duration.ofMinutes(15));
    assertThat(d.handoffs().remindAfter()).isEqualTo(Duration.ofHours(2));
    assertThat(d.handoffs().escalateAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(d.fixOrRevert())
        .isEqualTo(new FixOrRevertConfig(true, Duration.ofMinutes(45), Duration.ofHours(2)));
    Pipeline p = d.pipelines().get(0);
    assertThat(p.primaryOwner()).isEqualTo(MemberId.of("bob"));
    assertThat(p.deadline())
        .hasValueSatisfying(
            sla -> {
              assertThat(sla.by()).isEqualTo(LocalTime.of(3, 0));
              assertThat(sla.zone()).isEqualTo(java.time.ZoneId.of("UTC"));
            });
    assertThat(p.airflow()).isEqualTo("prod");
    assertThat(p.hintsFor("java.lang.OOM killed")).hasSize(1);
  }

  @Test
  void mistakes_are_reported_with_their_lines() {
    assertThat(
            fixture.problems(
                BASE.replace("chat: console/ops", "chat: console/ops\n    epic: cmamp-8785")
                    + """
        routes:
          - { name: all, rotation: ops, ack_timeout: soon }
        handoffs: { remind_after: 8h, escalate_after: 4h }
        pipelines:
          - name: dagao
            dag: prod-dagao
            owners: { primary: zed }
            sla: "03:00 UTC"
            hints:
              - { pattern: "(oops", hint: x }
        """))
        .containsExactly(
            "meister.yml:15: rotations.ops.epic: 'cmamp-8785' is not an issue like owner/repo#123",
            "meister.yml:17: routes[0].ack_timeout: 'soon' is not a duration like 90s, 15m, 4h or 1d",
            "meister.yml:18: handoffs.escalate_after: must be later than remind_after (8h)",
            "meister.yml:22: pipelines[0].owners.primary: unknown member 'zed'",
            "meister.yml:23: pipelines[0].sla: an SLA is checked against Airflow, but the airflow"
                + " section names no instance",
            "meister.yml:25: pipelines[0].hints[0].pattern: pattern '(oops' is not a valid regular"
                + " expression: Unclosed group");
  }

  // Seed 001: escalate "if you try to solve an issue for more than one hour"; hence the default.
  @Test
  void the_nudge_to_escalate_comes_after_an_hour_unless_configured() throws Exception {
    assertThat(fixture.load(BASE).duties().escalation().nudgeAfter())
        .isEqualTo(Duration.ofHours(1));
    assertThat(
            fixture
                .load(BASE + "escalation: { nudge_after: 90m }\n")
                .duties()
                .escalation()
                .nudgeAfter())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void a_bad_nudge_delay_is_reported_with_its_line() {
    assertThat(fixture.problems(BASE + "escalation:\n  nudge_after: later\n  nudge: 1h\n"))
        .containsExactly(
            "meister.yml:16: escalation.nudge_after: 'later' is not a duration like 90s, 15m, 4h"
                + " or 1d",
            "meister.yml:17: escalation.nudge: unknown key 'nudge'");
  }
}
