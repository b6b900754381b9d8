package dev.meister.bot.config;

import org.jspecify.annotations.Nullable;

/**
 * A YAML scalar as written (numbers and booleans too, so {@code 11:00} or {@code 0042} keep their
 * text).
 *
 * @param text {@code null} for an empty value or {@code ~}
 */
record YScalar(int line, @Nullable String text) implements YNode {
  @Override
  public String kind() {
    return "a single value";
  }
}
