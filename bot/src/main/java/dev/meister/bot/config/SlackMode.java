package dev.meister.bot.config;

/** How the Slack adapter receives events: Socket Mode (app token) or HTTP (signing secret). */
public enum SlackMode {
  SOCKET,
  HTTP
}
