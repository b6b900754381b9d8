package dev.meister.bot.config;

import org.jspecify.annotations.Nullable;

/**
 * A token or signing secret read from the environment. Its {@link #toString()} never shows the
 * value, so a secret may be logged or put in an exception message by mistake without leaking.
 *
 * <p>The only component is named {@code reveal} so that reading the value always says so.
 *
 * @param reveal the value; {@code null} when the secret is absent
 */
public record Secret(@Nullable String reveal) {
  private static final Secret ABSENT = new Secret(null);

  public static Secret of(String value) {
    return new Secret(value);
  }

  public static Secret absent() {
    return ABSENT;
  }

  public boolean isPresent() {
    return reveal != null;
  }

  /** The value; only for handing it to the platform's client. */
  @Override
  public String reveal() {
    if (reveal == null) {
      throw new IllegalStateException("the secret is absent");
    }
    return reveal;
  }

  @Override
  public String toString() {
    return reveal == null ? "Secret[absent]" : "Secret[****]";
  }
}
