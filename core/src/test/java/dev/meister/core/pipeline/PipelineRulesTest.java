package dev.meister.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelineRulesTest {
  @Test
  void hints_match_the_exception_case_insensitively_in_configured_order() {
    Pipeline p =
        pipeline(
            List.of(
                Hint.of("NullPointerException", "check upstream for a missing required column"),
                Hint.of("zero rows", "check the Kafka topics"),
                Hint.of("OOM|OutOfMemory", "check partitions for data skew")));

    assertThat(p.hintsFor("java.lang.outofmemoryerror after ZERO ROWS"))
        .extracting(Hint::advice)
        .containsExactly("check the Kafka topics", "check partitions for data skew");
    assertThat(p.hintsFor(null)).isEmpty();
  }

  @Test
  void a_bad_pattern_is_refused_with_the_reason() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Hint.of("(oops", "x"))
        .withMessageStartingWith("pattern '(oops' is not a valid regular expression");
  }

  @Test
  void the_sla_deadline_is_read_in_its_zone_across_daylight_saving() {
    Sla sla = new Sla(LocalTime.of(7, 30), ZoneId.of("Europe/Berlin"));

    assertThat(sla.latestAtOrBefore(Instant.parse("2026-10-25T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-10-24T05:30:00Z"));
    assertThat(sla.nextAfter(Instant.parse("2026-10-25T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-10-25T06:30:00Z"));
  }

  @Test
  void a_deadline_is_its_own_latest_and_the_next_is_a_day_later() {
    Sla sla = new Sla(LocalTime.of(3, 0), ZoneOffset.UTC);
    Instant three = Instant.parse("2026-11-23T03:00:00Z");

    assertThat(sla.latestAtOrBefore(three)).isEqualTo(three);
    assertThat(sla.nextAfter(three)).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
  }

  private static Pipeline pipeline(List<Hint> hints) {
    return new Pipeline(
        "dagao",
        "",
        "prod-dagao",
        MemberId.of("dave"),
        null,
        null,
        null,
        null,
        new OnCallPolicy.Rotation(),
        List.of(),
        List.of(),
        hints,
        List.of(),
        null);
  }
}
