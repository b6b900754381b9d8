package dev.meister.core.filing;

import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.util.Optional;

/**
 * A problem a person reported in chat with {@code /issue new}, not from an alert (seed 001, triage:
 * "create an issue tagged with {@code bug} and {@code data-infra} and a priority"), kept durably
 * until GitHub has filed it or refused.
 *
 * @param priority the level the person chose; empty for the rotation's filing default
 * @param answerUnder the command message the "Filed #N" answer goes under
 * @param attempts how many times it was tried
 */
public record IssueReport(
    long id,
    RotationId rotation,
    String title,
    Optional<String> priority,
    MemberId requestedBy,
    MessageRef answerUnder,
    int attempts) {}
