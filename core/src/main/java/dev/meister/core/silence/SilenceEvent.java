package dev.meister.core.silence;

import java.time.Instant;

/**
 * One audited step of a silence.
 *
 * @param event {@code created}, {@code lifted} or {@code summarised}
 * @param actor a member id, or {@code maintenance} / {@code meister} for the bot's own steps
 * @param detail what it was about, e.g. the match, end and reason at creation
 */
public record SilenceEvent(long silence, String event, String actor, Instant at, String detail) {}
