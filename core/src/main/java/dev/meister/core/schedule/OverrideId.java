package dev.meister.core.schedule;

/** Storage-assigned identity of an override, swap or unavailability record. */
public record OverrideId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
