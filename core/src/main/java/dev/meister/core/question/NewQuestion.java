package dev.meister.core.question;

import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.Optional;

/**
 * A question to start tracking.
 *
 * @param triagedBy the member who marked someone else's message with {@code /triage}; empty when
 *     the asker mentioned the bot
 */
public record NewQuestion(
    RotationId rotation,
    MessageRef asked,
    String askedBy,
    String text,
    Instant askedAt,
    Optional<MemberId> triagedBy) {}
