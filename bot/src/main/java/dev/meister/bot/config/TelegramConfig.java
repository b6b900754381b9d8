package dev.meister.bot.config;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Telegram adapter's settings.
 *
 * @param webhookSecret checked against {@code X-Telegram-Bot-Api-Secret-Token}; absent if not set
 * @param apiUrl another Bot API base URL, e.g. a local fake in tests; absent for Telegram's own
 * @param webhookUrl in webhook mode, the public HTTPS URL of this server's {@code /hooks/telegram}
 * @param chats named chats by name, in file order
 */
public record TelegramConfig(
    boolean enabled,
    Secret token,
    TelegramMode mode,
    Secret webhookSecret,
    @Nullable String apiUrl,
    @Nullable String webhookUrl,
    Map<String, ChatTarget> chats) {

  public TelegramConfig {
    chats = ChatsConfig.ordered(chats);
  }

  public Optional<String> publicWebhookUrl() {
    return Optional.ofNullable(webhookUrl);
  }

  public Optional<String> apiUrlOverride() {
    return Optional.ofNullable(apiUrl);
  }
}
