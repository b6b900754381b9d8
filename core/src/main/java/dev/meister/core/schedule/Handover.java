package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;

/** A moment a position passes from one member to a different one. */
public record Handover(
    RotationId rotation,
    Position position,
    Instant at,
    MemberId from,
    MemberId to,
    Source toSource) {}
