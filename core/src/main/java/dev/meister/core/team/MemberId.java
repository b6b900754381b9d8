package dev.meister.core.team;

import dev.meister.core.validation.Checks;
import java.util.regex.Pattern;

/** The short id a team member is referred to by in rosters and commands, e.g. {@code alice}. */
public record MemberId(String value) implements Comparable<MemberId> {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  public MemberId {
    Checks.notBlank(value, "member id");
    Checks.check(
        SHAPE.matcher(value).matches(),
        "member id '" + value + "' must be lower-case letters, digits, '.', '_' or '-'");
  }

  public static MemberId of(String value) {
    return new MemberId(value);
  }

  @Override
  public int compareTo(MemberId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
