package dev.meister.bot.config;

import java.nio.file.Path;

/**
 * One thing wrong with the configuration file, located so an editor can jump to it.
 *
 * @param line 1-based line of the offending node
 * @param path dotted path of the field, e.g. {@code rotations.dagmeister.roster[2]}
 * @param message what is wrong, never containing a secret's value
 */
public record ConfigProblem(Path file, int line, String path, String message) {

  /** {@code FILE:LINE: path: message}. */
  public String format() {
    return file + ":" + line + ": " + path + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
