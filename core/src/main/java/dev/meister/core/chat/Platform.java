package dev.meister.core.chat;

/** The chat services Meister talks to. */
public enum Platform {
  CONSOLE,
  TELEGRAM,
  SLACK,
  DISCORD
}
