package dev.meister.core.delivery;

import java.time.Instant;

/**
 * A queued message as stored: its sequence number (delivery order), how often it was tried and
 * when it may be tried next.
 */
public record OutboxEntry(long id, PendingMessage message, int attempts, Instant notBefore) {}
