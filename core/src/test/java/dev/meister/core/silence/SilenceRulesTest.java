package dev.meister.core.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.AlertMatch;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.pipeline.RunSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The pure rules of silences: the match words, chat durations and recurring windows. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SilenceRulesTest {
  @Test
  void match_words_use_the_routes_fields_and_globs() {
    AlertMatch m = SilenceMatches.parse(List.of("repo=cryptokaizen/cmamp", "branch=feature/*"));

    assertThat(m.matches(GitHubRun.builder("cryptokaizen/cmamp").branch("feature/x").build()))
        .isTrue();
    assertThat(m.matches(GitHubRun.builder("cryptokaizen/cmamp").branch("master").build()))
        .isFalse();
    assertThat(m.matches(AirflowTask.builder("ohlcv_daily").build())).isFalse();
    assertThat(SilenceMatches.describe(m)).isEqualTo("repo=cryptokaizen/cmamp branch=feature/*");
  }

  @Test
  void tags_and_source_read_and_the_stored_form_reads_back() {
    AlertMatch m =
        SilenceMatches.parse(List.of("SOURCE=airflow", "tags=prod,exchange", "dag=a=b*"));

    assertThat(m.source()).isEqualTo(AlertSource.AIRFLOW);
    assertThat(m.tags()).containsExactly("prod", "exchange");
    assertThat(SilenceMatches.decode(SilenceMatches.encode(m))).isEqualTo(m);
    assertThat(SilenceMatches.decode("")).isEqualTo(AlertMatch.anything());
    assertThat(SilenceMatches.describe(AlertMatch.anything())).isEqualTo("*");
    assertThat(SilenceMatches.matchesEverything(SilenceMatches.parse(List.of()))).isTrue();
  }

  @Test
  void a_field_given_twice_or_empty_is_refused_in_one_line() {
    assertThatThrownBy(() -> SilenceMatches.parse(List.of("dag=a", "dag=b")))
        .hasMessage("'dag' is given twice.");
    assertThatThrownBy(() -> SilenceMatches.parse(List.of("dag=")))
        .hasMessage("'dag=' needs a value, e.g. dag=ohlcv_*.");
  }

  @Test
  void chat_durations_add_up_and_read_back() {
    assertThat(ChatDurations.parse("1h30m", Duration.ofDays(30))).isEqualTo(Duration.ofMinutes(90));
    assertThat(ChatDurations.parse("2W", Duration.ofDays(30))).isEqualTo(Duration.ofDays(14));
    assertThat(ChatDurations.describe(Duration.ofHours(30))).isEqualTo("1d 6h");
    assertThat(ChatDurations.describe(Duration.ofMinutes(45))).isEqualTo("45m");
    assertThat(ChatDurations.looksLikeDuration("-2h")).isTrue();
    assertThat(ChatDurations.looksLikeDuration("soon")).isFalse();
    assertThatThrownBy(() -> ChatDurations.parse("5w", Duration.ofDays(30)))
        .hasMessage("The duration 5w is too long: at most 30d.");
  }

  @Test
  void a_weekly_window_opens_at_local_time_on_both_sides_of_the_change_to_summer_time() {
    MaintenanceWindow w =
        MaintenanceWindow.recurring(
            AlertMatch.anything(),
            "Weekly",
            false,
            false,
            RunSchedule.parse("0 22 * * SAT Europe/Berlin"),
            Duration.ofHours(4));

    assertThat(w.activeAt(Instant.parse("2026-03-21T21:30:00Z")))
        .hasValue(
            new MaintenanceWindow.Occurrence(
                Instant.parse("2026-03-21T21:00:00Z"), Instant.parse("2026-03-22T01:00:00Z")));
    assertThat(w.activeAt(Instant.parse("2026-03-21T20:30:00Z"))).isEmpty();
    assertThat(w.nextStartAfter(Instant.parse("2026-03-29T12:00:00Z")))
        .hasValue(Instant.parse("2026-04-04T20:00:00Z"));
    assertThat(w.activeAt(Instant.parse("2026-04-04T20:30:00Z"))).isPresent();
    assertThat(w.activeAt(Instant.parse("2026-04-05T00:00:00Z"))).isEmpty();
  }

  @Test
  void a_one_off_window_is_active_from_its_start_until_just_before_its_end() {
    Instant from = Instant.parse("2026-12-05T21:00:00Z");
    Instant to = Instant.parse("2026-12-06T01:00:00Z");
    MaintenanceWindow w = MaintenanceWindow.once(AlertMatch.anything(), "", true, false, from, to);

    assertThat(w.activeAt(from)).isPresent();
    assertThat(w.activeAt(to)).isEmpty();
    assertThat(w.nextStartAfter(from.minusSeconds(1))).hasValue(from);
    assertThat(w.draft(w.activeAt(from).orElseThrow()).windowKey())
        .hasValue("*@" + from.toEpochMilli());
  }
}
