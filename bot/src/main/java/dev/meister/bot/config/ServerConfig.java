package dev.meister.bot.config;

/** The address the webhook server listens on. */
public record ServerConfig(String bind, int port) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT);
  }
}
