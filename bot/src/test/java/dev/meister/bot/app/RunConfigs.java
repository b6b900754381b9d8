package dev.meister.bot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration the process tests run {@code meister run} with: the Buildmeister rotation
 * posting to one Telegram chat on a fake Bot API, GitHub webhooks on a loopback port, secrets from
 * {@code TELEGRAM_BOT_TOKEN} and {@code GITHUB_WEBHOOK_SECRET}; only the storage differs.
 */
final class RunConfigs {
  private RunConfigs() {}

  /**
   * Writes the file.
   *
   * @param storage the keys under {@code storage:}, one per line, without indentation
   */
  static Path buildmeisterOnTelegram(
      Path file, int telegramPort, String chat, String storage, int webhookPort)
      throws IOException {
    return buildmeisterOnTelegram(file, telegramPort, "", chat, storage, webhookPort, "");
  }

  /**
   * The same with more: {@code telegram} holds more keys under {@code chats.telegram:} (e.g. the
   * webhook mode's), one per line, without indentation; {@code more} is appended at the top level
   * (e.g. a {@code web:} section).
   */
  static Path buildmeisterOnTelegram(
      Path file,
      int telegramPort,
      String telegram,
      String chat,
      String storage,
      int webhookPort,
      String more)
      throws IOException {
    String storageLines = storage.strip().indent(2);
    String telegramLines = telegram.isBlank() ? "" : telegram.strip().indent(4);
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001, roles: [team_lead] }
            bob:   { name: Bob Stone, telegram: bobs, telegram_id: 100002 }
        rotations:
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [bob, alice]
            chat: telegram/build-alerts
        chats:
          telegram:
            token: ${TELEGRAM_BOT_TOKEN}
            api_url: http://127.0.0.1:%d
        %s    chats:
              build-alerts: { chat_id: %s }
        routes:
          - name: builds
            match: { source: github }
            rotation: buildmeister
        storage:
        %sserver:
          bind: 127.0.0.1
          port: %d
          github_secret: ${GITHUB_WEBHOOK_SECRET}
        """
                .formatted(telegramPort, telegramLines, chat, storageLines, webhookPort)
            + more);
    return file;
  }
}
