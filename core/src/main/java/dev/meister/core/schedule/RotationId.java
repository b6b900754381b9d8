package dev.meister.core.schedule;

import dev.meister.core.validation.Checks;
import java.util.regex.Pattern;

/** The short name of a rotation, e.g. {@code dagmeister}. */
public record RotationId(String value) implements Comparable<RotationId> {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public RotationId {
    Checks.notBlank(value, "rotation id");
    Checks.check(
        SHAPE.matcher(value).matches(),
        "rotation id '" + value + "' must be lower-case letters, digits, '_' or '-'");
  }

  public static RotationId of(String value) {
    return new RotationId(value);
  }

  @Override
  public int compareTo(RotationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
