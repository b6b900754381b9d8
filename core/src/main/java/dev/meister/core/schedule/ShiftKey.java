package dev.meister.core.schedule;

/**
 * The underlying shift a member holds a position for: a regular shift index, a weekend occurrence,
 * or an override's place in the override list. Stretches only merge within one shift.
 */
record ShiftKey(Kind kind, long index) {
  enum Kind {
    REGULAR,
    WEEKEND,
    OVERRIDE
  }

  static ShiftKey regular(long index) {
    return new ShiftKey(Kind.REGULAR, index);
  }

  static ShiftKey weekend(long index) {
    return new ShiftKey(Kind.WEEKEND, index);
  }

  static ShiftKey override(int index) {
    return new ShiftKey(Kind.OVERRIDE, index);
  }
}
