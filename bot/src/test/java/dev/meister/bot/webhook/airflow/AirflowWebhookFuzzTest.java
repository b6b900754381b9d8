package dev.meister.bot.webhook.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.meister.bot.webhook.Outcomes;
import dev.meister.bot.webhook.RawRequest;
import dev.meister.bot.webhook.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * {@code POST /hooks/airflow} on hostile bytes and headers: every callback ends in a verdict or a
 * documented 400/401/413/415 whose reason never repeats the token.
 *
 * <p>An input is {@code Header: value} lines, a blank line and the body, or the body alone (see
 * {@link RawRequest}); a missing Content-Type or Authorization is filled in with a working one, so
 * the fuzzer reaches the payload translation. Seeds: {@code AirflowWebhookFuzzTestInputs/}.
 */
class AirflowWebhookFuzzTest {
  private static final String TOKEN = "af-token-for-tests";
  private static final AirflowWebhook HOOK =
      new AirflowWebhook(
          TOKEN,
          Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC),
          Map.of("prod", new AirflowUi("https://airflow.example.com", "3")));

  @FuzzTest(maxDuration = "60s")
  void every_callback_is_a_verdict_or_a_documented_rejection(byte[] input) {
    RawRequest request =
        RawRequest.parse(input)
            .withDefault("Content-Type", "application/json")
            .withDefault("Authorization", "Bearer " + TOKEN);

    Outcomes.of(
        () -> {
          Verdict verdict = request.through(HOOK);
          if (verdict instanceof Verdict.Deliver deliver) {
            assertThat(deliver.event().deliveryKey()).startsWith("airflow:");
          }
          return verdict;
        },
        TOKEN);
  }
}
