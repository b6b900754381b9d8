package dev.meister.bot.config;

/** How the Telegram adapter receives updates. */
public enum TelegramMode {
  POLLING,
  WEBHOOK
}
