package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.team.MemberId;
import java.time.Instant;

/** A member said "looking into it" for an alert. */
public record Acknowledgement(AlertId alert, MemberId member, Instant at, AckChannel channel) {}
