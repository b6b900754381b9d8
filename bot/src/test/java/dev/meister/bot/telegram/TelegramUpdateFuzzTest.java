package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.meister.bot.webhook.WebhookRejection;
import dev.meister.core.chat.ChatEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * A Telegram update as {@code POST /hooks/telegram} (or a long poll) delivers it, on hostile bytes:
 * it is read into a {@link TelegramUpdate} or refused with 400, and the translator makes an event
 * or none of it, never an exception (which the dispatcher would only log, losing the update).
 *
 * <p>Seeds: {@code TelegramUpdateFuzzTestInputs/}, updates shaped like Telegram's Bot API sends
 * them.
 */
class TelegramUpdateFuzzTest {
  private static final long BOT_ID = 7_000_000_001L;
  private static final TelegramUpdateTranslator TRANSLATOR =
      new TelegramUpdateTranslator(BOT_ID, "MeisterBot");

  @FuzzTest(maxDuration = "60s")
  void every_update_is_an_event_no_event_or_a_400(byte[] body) {
    TelegramUpdate update;
    try {
      update = TelegramWebhook.update(body);
    } catch (WebhookRejection e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.error()).isNotBlank();
      return;
    }
    assertThat(update).as("a read update").isNotNull();
    Optional<ChatEvent> event = TRANSLATOR.translate(update);
    event.ifPresent(TelegramUpdateFuzzTest::wellFormed);
  }

  /** What the chat chain relies on in every event. */
  static void wellFormed(ChatEvent event) {
    assertThat(event.chat().chatId()).isNotBlank();
    assertThat(event.sender().userId()).isNotBlank();
    assertThat(event.sender().displayName()).isNotBlank();
    if (event instanceof ChatEvent.Command c) {
      assertThat(c.name()).isNotEmpty().isEqualTo(c.name().toLowerCase(Locale.ROOT));
      assertThat(c.args()).allSatisfy(a -> assertThat(a).isNotEmpty());
    }
  }
}
