package dev.meister.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.status.DagRun;
import dev.meister.core.status.RunState;
import dev.meister.core.team.MemberId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 004's SLAs and on-call schedules, one sentence per test. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelineSlaRulesTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Sla BY_THREE = new Sla(LocalTime.of(3, 0), UTC);
  private static final Instant DEADLINE = Instant.parse("2026-11-23T03:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Daily @ 2:00 AM UTC        | 2026-11-23T02:00:00Z",
        "daily 02:00 UTC            | 2026-11-23T02:00:00Z",
        "0 2 * * *                  | 2026-11-23T02:00:00Z",
        "0 3 * * * Europe/Berlin    | 2026-11-23T02:00:00Z",
        "weekly monday 01:00 UTC    | 2026-11-23T01:00:00Z",
        "Weekly @ 1:00 AM UTC       | 2026-11-22T01:00:00Z",
        "@daily                     | 2026-11-23T00:00:00Z",
        "*/15 1-2 * * MON-FRI       | 2026-11-23T02:45:00Z",
        "0 0 1 * *                  | 2026-11-01T00:00:00Z",
      })
  void schedule_Daily_at_2_AM_UTC_and_its_other_spellings_give_the_run_due_before_a_moment(
      String text, String due) {
    RunSchedule schedule = RunSchedule.parse(text);

    assertThat(schedule.latestAtOrBefore(DEADLINE)).contains(Instant.parse(due));
    assertThat(schedule.text()).isEqualTo(text.trim());
  }

  @Test
  void a_schedule_that_is_none_of_the_forms_is_refused_naming_them() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RunSchedule.parse("every night"))
        .withMessage(
            "'every night' is not a schedule: write five cron fields (\"0 2 * * *\"),"
                + " \"daily 02:00 UTC\" or \"weekly monday 01:00 UTC\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RunSchedule.parse("0 25 * * *"))
        .withMessage("hour '25' is not a number from 0 to 23");
  }

  // "The data should be updated by 3:00 AM UTC." with "Schedule: Daily @ 2:00 AM UTC".
  @Test
  void
      data_updated_by_3_AM_UTC_is_missed_when_todays_run_never_started_although_yesterdays_succeeded() {
    Pipeline profit = pipeline(RunSchedule.parse("Daily @ 2:00 AM UTC"));
    DueRun window = DueRun.forDeadline(profit, BY_THREE, DEADLINE).orElseThrow();
    DagRun yesterday =
        run(
            "scheduled__2026-11-22T02:00:00+00:00",
            "2026-11-22T02:00:00Z",
            RunState.SUCCESS,
            "2026-11-22T02:40:00Z");

    List<DagRun> counting = window.counting(List.of(yesterday));

    assertThat(window.since()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
    assertThat(counting).isEmpty();
    assertThat(DueRun.met(counting, DEADLINE)).isFalse();
    assertThat(
            SlaMessages.missed(profit, window, counting, Optional.of(yesterday)).text().plainText())
        .isEqualTo(
            ":hourglass: SLA missed: Profit (DAG profit) should have its data by 03:00 UTC;"
                + " no run since scheduled__2026-11-22T02:00:00+00:00 (success):"
                + " the run due at 2026-11-23 02:00 UTC has not started.\nOwners: @danny, @jane."
                + " Downstream: Data analyst team.");
  }

  // "The data should be updated by 3:00 AM UTC."
  @Test
  void data_updated_by_3_AM_UTC_is_met_by_todays_run_succeeding_before_3_and_not_after() {
    Pipeline profit = pipeline(RunSchedule.parse("Daily @ 2:00 AM UTC"));
    DueRun window = DueRun.forDeadline(profit, BY_THREE, DEADLINE).orElseThrow();

    List<DagRun> onTime =
        window.counting(
            List.of(
                run("today", "2026-11-23T02:00:00Z", RunState.SUCCESS, "2026-11-23T02:50:00Z")));
    List<DagRun> late =
        window.counting(
            List.of(
                run("today", "2026-11-23T02:00:00Z", RunState.SUCCESS, "2026-11-23T03:10:00Z")));

    assertThat(DueRun.met(onTime, DEADLINE)).isTrue();
    assertThat(DueRun.met(late, DEADLINE)).isFalse();
  }

  // "The data should be updated by 3:00 AM UTC", for a pipeline without a schedule.
  @Test
  void without_a_schedule_any_run_started_since_the_previous_deadline_counts() {
    DueRun window = DueRun.forDeadline(pipeline(null), BY_THREE, DEADLINE).orElseThrow();
    DagRun manual =
        run("manual__1", "2026-11-22T05:00:00Z", RunState.SUCCESS, "2026-11-22T05:30:00Z");
    DagRun before =
        run("manual__0", "2026-11-22T02:30:00Z", RunState.SUCCESS, "2026-11-22T02:50:00Z");

    assertThat(window.since()).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    assertThat(window.counting(List.of(manual, before))).containsExactly(manual);
  }

  // "Schedule: Weekly @ 1:00 AM UTC": a daily deadline on the days it is not due concerns nothing.
  @Test
  void a_deadline_with_no_run_due_since_the_previous_one_is_not_checked() {
    Pipeline weekly = pipeline(RunSchedule.parse("weekly monday 01:00 UTC"));

    assertThat(DueRun.forDeadline(weekly, BY_THREE, DEADLINE)).isPresent();
    assertThat(DueRun.forDeadline(weekly, BY_THREE, DEADLINE.plus(Duration.ofDays(1)))).isEmpty();
  }

  // "If pipeline fails, it will be fixed within 24 hour from midnight UTC."
  @Test
  void fixed_within_24_hour_from_midnight_UTC_means_by_the_next_midnight() {
    FixDeadline fix = new FixDeadline.FromMidnight(Duration.ofHours(24), UTC);

    assertThat(fix.dueFor(Instant.parse("2026-11-23T01:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    assertThat(fix).hasToString("within 24h from midnight UTC");
  }

  // "Issues will be fixed by end of month before generating report for management."
  @Test
  void fixed_by_end_of_month_means_before_the_first_of_the_next_month() {
    FixDeadline fix = new FixDeadline.EndOfMonth(UTC);

    assertThat(fix.dueFor(Instant.parse("2027-01-31T01:30:00Z")))
        .isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
  }

  // "If pipeline fails, it will be debugged by team during work hours."
  @Test
  void debugged_by_team_during_work_hours_silences_a_failure_at_night_until_the_next_start() {
    WorkHours hours =
        new WorkHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(18, 0),
            ZoneId.of("Europe/Berlin"));
    OnCallPolicy policy = new OnCallPolicy.DuringWorkHours(hours);

    assertThat(policy.silencesAt(Instant.parse("2026-11-23T01:00:00Z"))).isTrue();
    assertThat(policy.silencesAt(Instant.parse("2026-11-23T09:00:00Z"))).isFalse();
    assertThat(hours.nextStartAfter(Instant.parse("2026-11-23T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    assertThat(hours.nextStartAfter(Instant.parse("2026-11-27T18:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
  }

  // "No on-call since it only requires for investors. DE need to check the pipeline every week."
  @Test
  void no_on_call_check_every_week_reminds_on_the_configured_day_and_silences_failures() {
    OnCallPolicy.NoOnCall policy =
        new OnCallPolicy.NoOnCall(Duration.ofDays(7), DayOfWeek.MONDAY, LocalTime.of(9, 0), UTC);

    assertThat(policy.latestAtOrBefore(Instant.parse("2026-11-25T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(policy.nextAfter(Instant.parse("2026-11-23T09:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    assertThat(policy.silencesAt(Instant.parse("2026-11-23T10:00:00Z"))).isTrue();
  }

  static DagRun run(String id, String due, RunState state, @Nullable String ended) {
    Instant at = Instant.parse(due);
    return new DagRun(
        "profit",
        id,
        state,
        at,
        at,
        at.plusSeconds(5),
        ended == null ? null : Instant.parse(ended));
  }

  static Pipeline pipeline(@Nullable RunSchedule schedule) {
    return new Pipeline(
        "Profit",
        "Revenue datasets from accounts",
        "profit",
        MemberId.of("danny"),
        MemberId.of("jane"),
        schedule,
        BY_THREE,
        null,
        new OnCallPolicy.Rotation(),
        List.of(new Party.Named("Account team")),
        List.of(new Party.Named("Data analyst team")),
        List.of(),
        List.of(),
        "prod");
  }
}
