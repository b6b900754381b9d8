package dev.meister.bot.webhook;

import java.time.Duration;

/**
 * Told about every webhook the server answered, for metrics: which source, how it ended and how
 * long the answer took. Called on the request's thread after the answer is decided; it must be
 * quick and must not throw.
 */
@FunctionalInterface
public interface WebhookObserver {
  /** Observes nothing. */
  WebhookObserver NONE = (source, outcome, took) -> {};

  /**
   * Called once per webhook answered.
   *
   * @param source the endpoint's last path segment: {@code github}, {@code airflow}, {@code slack},
   *     {@code telegram}
   * @param outcome one of {@code queued}, {@code duplicate}, {@code recorded}, {@code ignored},
   *     {@code ok}, {@code unauthorized}, {@code bad_request}, {@code too_large}, {@code
   *     unsupported_media_type}, {@code rejected}, {@code unavailable}, {@code error}
   */
  void answered(String source, String outcome, Duration took);
}
