package dev.meister.bot.config;

/** What a {@code ${VAR}} secret whose environment variable is not set means. */
public enum SecretPolicy {
  /** A missing environment variable is a configuration error. */
  REQUIRED,
  /**
   * A missing environment variable yields {@link Secret#absent()}, e.g. for {@code meister demo}.
   */
  OPTIONAL
}
