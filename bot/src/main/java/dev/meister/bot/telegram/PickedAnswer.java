package dev.meister.bot.telegram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * A library method sent as it is (the same JSON, validation and errors) whose answer, a message, is
 * read only for its id. The library's own answer type is its whole {@code Message}, and binding the
 * first one makes Jackson build deserializers for that graph (about 400 classes and several MiB
 * kept for the life of the bot; see {@link TelegramUpdate}) to read one number.
 */
final class PickedAnswer extends BotApiMethod<PickedAnswer.Sent> {
  private static final long serialVersionUID = 1L;

  private final BotApiMethod<?> request;

  /** A message-sending or -editing method: sendMessage, editMessageText, editMessageCaption. */
  PickedAnswer(BotApiMethod<?> request) {
    this.request = request;
  }

  /** What is sent: the library's request itself. */
  @JsonValue
  BotApiMethod<?> request() {
    return request;
  }

  @Override
  public String getMethod() {
    return request.getMethod();
  }

  @Override
  public void validate() throws TelegramApiValidationException {
    request.validate();
  }

  @Override
  public Sent deserializeResponse(String answer) throws TelegramApiRequestException {
    return deserializeResponse(answer, Sent.class);
  }

  /**
   * What a send or an edit answered: the message's id, or none when Telegram answered {@code true}
   * (an edit of an inline message).
   */
  record Sent(@Nullable Integer messageId) implements Serializable {
    /** From the answer's {@code result} as plain JSON values, so no class is bound to it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Sent of(@Nullable Object result) {
      if (result instanceof java.util.Map<?, ?> message
          && message.get("message_id") instanceof Number id) {
        return new Sent(id.intValue());
      }
      return new Sent(null);
    }
  }
}
