package dev.meister.core.calendar;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.Source;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One stretch of one member in one lane of a rotation, as a calendar event.
 *
 * @param uid stable while the stretch is the same: its rotation, lane and start, so a calendar that
 *     refreshes the feed updates the event (e.g. to a new member after an override) instead of
 *     adding a second one
 * @param zone the rotation's zone, in which the hand-off times are given
 * @param source why the member holds it: their turn, a weekend, a swap, a cover or an override
 */
public record ShiftEvent(
    String uid,
    RotationId rotation,
    String rotationName,
    Layer layer,
    MemberId member,
    String memberName,
    Instant start,
    Instant end,
    ZoneId zone,
    Source source) {

  /** "Hausmeister primary: Bob Stone". */
  public String summary() {
    return rotationName + " " + layer.label() + ": " + memberName;
  }
}
