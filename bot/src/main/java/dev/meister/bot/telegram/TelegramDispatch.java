package dev.meister.bot.telegram;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;

/**
 * Hands one Telegram update to the chat dispatcher, however it arrived (long polling or webhook):
 * translated, served only for configured chats, every failure logged with a reference and every
 * button press answered.
 */
final class TelegramDispatch {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramDispatch.class);

  private final TelegramApi api;
  private final Set<String> chatIds;
  private final ChatEventHandler handler;
  private final TelegramUpdateTranslator translator;

  TelegramDispatch(
      TelegramApi api,
      Set<String> chatIds,
      ChatEventHandler handler,
      TelegramUpdateTranslator translator) {
    this.api = api;
    this.chatIds = Set.copyOf(chatIds);
    this.handler = handler;
    this.translator = translator;
  }

  /**
   * Never throws: an exception escaping here would end the polling task for good. This is the
   * adapter's one catch, a last resort: the chat chain answers failures of handling itself (with a
   * correlation id), so what lands here is an update that could not be read.
   */
  void dispatch(TelegramUpdate update) {
    try {
      translator.translate(update).ifPresent(this::serve);
    } catch (RuntimeException e) {
      LOG.error("Telegram: could not handle update {} [ref {}]", update.updateId(), ref(), e);
    }
  }

  private void serve(ChatEvent event) {
    if (!chatIds.contains(event.chat().chatId())) {
      LOG.debug("Telegram: ignoring chat {}, which is not configured", event.chat().chatId());
      if (event instanceof ChatEvent.ButtonPress press) {
        answerQuietly(press, "");
      }
      return;
    }
    handler.handle(event);
  }

  /** Every callback needs an answer, or the button keeps spinning; it may have had one already. */
  private void answerQuietly(ChatEvent.ButtonPress press, String text) {
    try {
      AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer =
          AnswerCallbackQuery.builder().callbackQueryId(press.callbackId());
      if (!text.isEmpty()) {
        answer.text(text);
      }
      api.execute("answerCallbackQuery", answer.build());
    } catch (ChatDeliveryException e) {
      LOG.debug("Telegram: could not answer callback {}: {}", press.callbackId(), e.getMessage());
    }
  }

  private static String ref() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
