package dev.meister.bot.webhook.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AirflowPayloadTest {
  @Test
  void a_short_exception_is_kept_whole() {
    assertThat(AirflowPayload.cap("KeyError: 'ask'")).isEqualTo("KeyError: 'ask'");
  }

  @Test
  void a_long_traceback_keeps_its_head_and_the_last_line_that_names_the_error() {
    String traceback =
        "Traceback (most recent call last):\n"
            + "  File \"/opt/airflow/dags/bid_ask.py\", line 42, in fetch\n".repeat(200)
            + "KeyError: 'ask'";

    String capped = AirflowPayload.cap(traceback);

    assertThat(capped)
        .hasSizeLessThanOrEqualTo(AirflowPayload.EXCEPTION_LIMIT)
        .startsWith("Traceback (most recent call last):")
        .contains("\n…\n")
        .endsWith("KeyError: 'ask'");
  }

  @Test
  void a_cut_never_splits_a_surrogate_pair() {
    String emoji = "🔥".repeat(AirflowPayload.EXCEPTION_LIMIT);

    String capped = AirflowPayload.cap(emoji);

    assertThat(capped.replace("\n…\n", "")).matches("(🔥)+");
  }
}
