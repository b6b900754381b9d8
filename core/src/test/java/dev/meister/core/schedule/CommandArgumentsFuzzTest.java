package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.meister.core.alert.AlertMatch;
import dev.meister.core.alert.PriorityScale;
import dev.meister.core.filing.Reasons;
import dev.meister.core.silence.ChatDurations;
import dev.meister.core.silence.SilenceMatches;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The words chat commands read, on hostile text: {@code /override}'s FROM..TO period in zones with
 * daylight saving and odd offsets, request numbers, {@code /silence}'s criteria and duration,
 * {@code /resolve}'s reason and priority levels. Each is read into a value or refused with {@link
 * IllegalArgumentException}, which the chat router answers as the usage line; any other exception
 * would reach the person as "that failed on my side".
 *
 * <p>Every parser gets the whole input (and its words), so one corpus serves them all. Seeds:
 * {@code CommandArgumentsFuzzTestInputs/}.
 */
class CommandArgumentsFuzzTest {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Asia/Kathmandu"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Sao_Paulo"));

  private static final Reasons REASONS = new Reasons(Reasons.DEFAULTS);
  private static final Duration MAX = Duration.ofDays(14);

  @FuzzTest(maxDuration = "60s")
  void every_argument_is_a_value_or_a_usage_answer(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<String> words = text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));

    for (ZoneId zone : ZONES) {
      Instant[] period = valueOrUsage(() -> OverrideCommand.period(text, zone));
      if (period != null) {
        assertThat(period[1]).isAfter(period[0]);
      }
    }
    valueOrUsage(() -> RequestArguments.requestId(text));
    Duration d = valueOrUsage(() -> ChatDurations.parse(text, MAX));
    if (d != null) {
      assertThat(d).isPositive().isLessThanOrEqualTo(MAX);
      assertThat(ChatDurations.describe(d)).isNotBlank();
    }
    AlertMatch match = valueOrUsage(() -> SilenceMatches.parse(words));
    if (match != null) {
      assertThat(SilenceMatches.describe(match)).isNotNull();
      assertThat(SilenceMatches.decode(SilenceMatches.encode(match))).isEqualTo(match);
    }
    String reason = valueOrUsage(() -> REASONS.match(text));
    if (reason != null) {
      assertThat(REASONS.all()).contains(reason);
    }
    PriorityScale.Levels levels = PriorityScale.DEFAULT.parse(words);
    assertThat(PriorityScale.DEFAULT.levels()).containsAll(levels.levels());
  }

  /** The value, or null when the parser refused with a usage answer. */
  private static <T> @Nullable T valueOrUsage(Supplier<T> parse) {
    try {
      T value = parse.get();
      assertThat(value).isNotNull();
      return value;
    } catch (IllegalArgumentException usage) {
      assertThat(usage.getMessage()).isNotBlank();
      return null;
    }
  }
}
