package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;

/** Who holds a position at one instant, why, and for which underlying shift. */
record Holding(MemberId member, Source source, ShiftKey shift) {
  Holding as(MemberId newMember, Source newSource) {
    return new Holding(newMember, newSource, shift);
  }
}
