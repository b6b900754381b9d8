package dev.meister.core.validation;

import java.util.Collection;
import java.util.Objects;

/** Preconditions whose messages read well in chat and logs ("name may not be blank"). */
public final class Checks {
  private Checks() {}

  public static String notBlank(String value, String name) {
    Objects.requireNonNull(value, () -> name + " may not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " may not be blank");
    }
    return value;
  }

  public static <T extends Collection<?>> T notEmpty(T value, String name) {
    Objects.requireNonNull(value, () -> name + " may not be null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " may not be empty");
    }
    return value;
  }

  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
