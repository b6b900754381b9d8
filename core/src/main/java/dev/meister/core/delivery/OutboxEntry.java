package dev.meister.core.delivery;

import java.time.Instant;

/**
 * A queued message as stored: its sequence number (delivery order), how often it was tried and when
 * it may be tried next.
 *
 * @param attempts every try that did not deliver it, rate-limited ones included
 * @param failures the tries that failed (network error, 5xx, an adapter bug, platform not
 *     connected), which the backoff doubles on; a wait the chat asked for (a 429's {@code
 *     retry_after}) is not one, so a rate limit does not lengthen the next outage wait
 */
public record OutboxEntry(
    long id, PendingMessage message, int attempts, int failures, Instant notBefore) {}
