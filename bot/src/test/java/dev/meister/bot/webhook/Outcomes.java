package dev.meister.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The oracle of the webhook fuzz targets: a request ends in a {@link Verdict} or in the documented
 * {@link WebhookRejection} (400, 401, 413, 415) with a one-line reason that holds no secret. Any
 * other exception propagates and fails the target.
 */
public final class Outcomes {
  private static final Set<Integer> DOCUMENTED = Set.of(400, 401, 413, 415);

  private Outcomes() {}

  /**
   * The verdict's or the rejection's description, for comparing two ways of reaching it.
   *
   * @param secrets texts no rejection may repeat
   */
  public static String of(Supplier<Verdict> handling, String... secrets) {
    try {
      Verdict verdict = handling.get();
      assertThat(verdict).isNotNull();
      return verdict.toString();
    } catch (WebhookRejection e) {
      assertThat(DOCUMENTED).as("status of %s", e.error()).contains(e.status());
      assertThat(e.error()).isNotBlank().doesNotContain("\n");
      for (String secret : secrets) {
        assertThat(e.error()).doesNotContain(secret);
      }
      return e.status() + " " + e.error() + " " + e.field().orElse("");
    }
  }
}
