package dev.meister.core.chat;

/** Storage-assigned identity of an alert. */
public record AlertId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
