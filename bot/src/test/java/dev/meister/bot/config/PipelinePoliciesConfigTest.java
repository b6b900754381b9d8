package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.pipeline.FixDeadline;
import dev.meister.core.pipeline.OnCallPolicy;
import dev.meister.core.pipeline.Party;
import dev.meister.core.pipeline.Pipeline;
import dev.meister.core.pipeline.RunSchedule;
import dev.meister.core.team.MemberId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 004's schedules, SLAs, on-call schedules and up/downstream owners in the pipelines. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelinePoliciesConfigTest {
  /** Lines 1-18; whatever a test appends starts on line 19. */
  private static final String BASE =
      """
      team:
        members:
          danny: { name: Danny }
          jane: { name: Jane }
      rotations:
        ops:
          name: Ops
          zone: UTC
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [danny, jane]
          chat: console/ops
      airflow:
        prod: { url: "https://airflow.example.com", api: v2 }
      pipelines:
        - name: Profit
          dag: profit
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  // Seed 004 "Upstream owner: Account team", "Downstream owner: Customercare team".
  @Test
  void up_and_downstream_owners_may_be_other_teams_or_handles_and_members_are_tagged()
      throws ConfigException {
    Pipeline p =
        load(
            """
                owners: { primary: danny, secondary: jane }
                schedule: Daily @ 2:00 AM UTC
                sla: "03:00 UTC"
                upstream: [Account team, "@accounts"]
                downstream: [jane, Data analyst team]
            """);

    assertThat(p.upstream())
        .containsExactly(new Party.Named("Account team"), new Party.Named("@accounts"));
    assertThat(p.downstream())
        .containsExactly(
            new Party.Member(MemberId.of("jane")), new Party.Named("Data analyst team"));
    assertThat(p.runSchedule().map(RunSchedule::text)).contains("Daily @ 2:00 AM UTC");
    assertThat(p.onCall()).isEqualTo(new OnCallPolicy.Rotation());
  }

  // Seed 004 "it will be fixed within 24 hour from midnight UTC" and "debugged by team during
  // work hours".
  @Test
  void fix_within_and_work_hours_are_read() throws ConfigException {
    Pipeline p =
        load(
            """
                owners: { primary: danny }
                fix_within: 24h from midnight UTC
                on_call: work_hours
                work_hours: { days: MON-FRI, from: "09:00", to: "18:00", zone: Europe/Berlin }
            """);

    assertThat(p.fixDeadline())
        .contains(new FixDeadline.FromMidnight(Duration.ofHours(24), ZoneId.of("UTC")));
    assertThat(p.onCall())
        .isInstanceOfSatisfying(
            OnCallPolicy.DuringWorkHours.class,
            w -> {
              assertThat(w.hours().days()).hasSize(5);
              assertThat(w.hours().contains(Instant.parse("2026-11-23T08:30:00Z"))).isTrue();
            });
  }

  // Seed 004 "Issues will be fixed by end of month" and "DE need to check the pipeline every
  // week".
  @Test
  void fix_by_end_of_month_and_no_on_call_with_a_weekly_check_are_read() throws ConfigException {
    Pipeline p =
        load(
            """
                owners: { primary: jane }
                schedule: weekly monday 01:00 UTC
                fix_by: end_of_month
                on_call: none
                check_every: 1w
            """);

    assertThat(p.fixDeadline()).contains(new FixDeadline.EndOfMonth(ZoneId.of("UTC")));
    assertThat(p.onCall()).isInstanceOf(OnCallPolicy.NoOnCall.class);
  }

  @Test
  void mistakes_in_schedules_and_policies_are_reported_with_their_lines() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                owners: { primary: danny }
                schedule: every night
                fix_within: soon
                on_call: sometimes
                check_every: 2d
            """))
        .containsExactly(
            "meister.yml:20: pipelines[0].schedule: 'every night' is not a schedule: write five"
                + " cron fields (\"0 2 * * *\"), \"daily 02:00 UTC\" or \"weekly monday 01:00 UTC\"",
            "meister.yml:21: pipelines[0].fix_within: 'soon' is not a duration like 90s, 15m, 4h"
                + " or 1d",
            "meister.yml:22: pipelines[0].on_call: 'sometimes' is not an on-call policy:"
                + " rotation, work_hours or none",
            "meister.yml:23: pipelines[0].check_every: needs on_call: none to apply");
  }

  // Issue #12: "work hours configurable per team/zone" — one top-level work_hours for the team;
  // a pipeline "debugged by team during work hours" takes them unless it gives its own.
  @Test
  void a_work_hours_pipeline_without_its_own_takes_the_teams_work_hours() throws ConfigException {
    String team =
        "work_hours: { days: MON-FRI, from: \"09:00\", to: \"17:00\", zone: Europe/Berlin }\n";
    Pipeline p =
        fixture
            .load(
                team
                    + BASE
                    + """
                    owners: { primary: danny }
                    on_call: work_hours
                """)
            .duties()
            .pipelines()
            .get(0);

    assertThat(p.onCall())
        .isInstanceOfSatisfying(
            OnCallPolicy.DuringWorkHours.class,
            w -> {
              assertThat(w.hours().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
              // 16:30 UTC is 17:30 in Berlin in November: after the team's day.
              assertThat(w.hours().contains(Instant.parse("2026-11-23T16:30:00Z"))).isFalse();
              assertThat(w.hours().contains(Instant.parse("2026-11-23T15:30:00Z"))).isTrue();
            });
    assertThat(
            fixture.problems(
                BASE
                    + """
                    owners: { primary: danny }
                    on_call: work_hours
                """))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("pipelines[0].on_call")
        .contains("needs work_hours, here or at the top level");
  }

  private Pipeline load(String lines) throws ConfigException {
    return fixture.load(BASE + lines).duties().pipelines().get(0);
  }
}
