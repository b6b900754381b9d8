package dev.meister.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class MutableClockTest {
  @Test
  void moves_only_when_told_and_stays_in_utc() {
    Instant start = Instant.parse("2026-11-23T10:00:00Z");
    MutableClock clock = new MutableClock(start);

    clock.advance(Duration.ofMinutes(5));
    Instant moved = clock.instant();
    clock.set(start.plusSeconds(1));

    assertThat(moved).isEqualTo(start.plus(Duration.ofMinutes(5)));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(1));
    assertThat(clock.start()).isEqualTo(start);
    assertThat(clock.withZone(ZoneId.of("Europe/Berlin"))).isSameAs(clock);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
