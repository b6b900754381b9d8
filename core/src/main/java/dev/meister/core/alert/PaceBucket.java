package dev.meister.core.alert;

import java.time.Instant;

/**
 * A chat's storm allowance at one moment: {@code credit} in token-nanos (one token is a minute's
 * nanos, so refills stay exact integers), last refilled at {@code refilledAt}.
 */
public record PaceBucket(long credit, Instant refilledAt) {}
