package dev.meister.bot.config;

/** How log lines are written ({@code logging.format}). */
public enum LogFormat {
  /** One line of text per event: {@code 09:00:00.123 INFO [thread] logger - message}. */
  TEXT,
  /** One JSON object per line, for a log shipper: the same fields, named. */
  JSON
}
