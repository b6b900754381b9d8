package dev.meister.bot.telegram;

import dev.meister.bot.telegram.TelegramUpdate.CallbackQuery;
import dev.meister.bot.telegram.TelegramUpdate.Message;
import dev.meister.bot.telegram.TelegramUpdate.User;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a Telegram {@link TelegramUpdate} into a {@link ChatEvent}: commands, plain replies to the
 * bot's messages, messages that mention the bot and button presses. Anything else (edits, bots,
 * channel posts, joins) is no event.
 */
public final class TelegramUpdateTranslator {
  private final long botUserId;
  private final String botUsername;

  /**
   * @param botUserId the bot's own user id (from {@code getMe}), to recognise replies to it
   * @param botUsername without {@code @}; commands addressed to another bot are ignored
   */
  public TelegramUpdateTranslator(long botUserId, String botUsername) {
    this.botUserId = botUserId;
    this.botUsername = botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
  }

  public Optional<ChatEvent> translate(TelegramUpdate update) {
    if (update.callbackQuery() != null) {
      return buttonPress(update.callbackQuery());
    }
    if (update.message() != null) {
      return message(update.message());
    }
    return Optional.empty();
  }

  private Optional<ChatEvent> message(Message m) {
    User from = m.from();
    String text = m.text();
    // No chat: Telegram always sends one, but a forged update without it threw NPE in getChatId()
    // (found by TelegramUpdateFuzzTest).
    if (from == null || isBot(from) || text == null || text.isBlank() || m.chat() == null) {
      return Optional.empty();
    }
    ChatRef chat = chatOf(m);
    MessageRef self = new MessageRef(chat, String.valueOf(m.messageId()));
    MessageRef replyTo = replyToBot(m, chat);
    if (text.startsWith("/")) {
      return command(
          chat, sender(from), self, text, replyTo, replyTo == null ? quote(m, chat) : null);
    }
    if (replyTo != null) {
      return Optional.of(new ChatEvent.Reply(chat, sender(from), self, text.strip(), replyTo));
    }
    if (mentionsBot(text)) {
      return Optional.of(new ChatEvent.Mention(chat, sender(from), self, text.strip()));
    }
    return Optional.empty();
  }

  /** "@MeisterBot" anywhere in the text, as Telegram delivers it to a bot in privacy mode. */
  private boolean mentionsBot(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String handle = "@" + botUsername.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(handle);
    while (at >= 0) {
      int end = at + handle.length();
      // "@MeisterBot2" is another bot: a username goes on with letters, digits or '_'.
      if (end == lower.length() || !isUsernameChar(lower.charAt(end))) {
        return true;
      }
      at = lower.indexOf(handle, end);
    }
    return false;
  }

  private static boolean isUsernameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Someone else's message the command answers, e.g. a question marked with /triage. */
  private ChatEvent.@Nullable Quote quote(Message m, ChatRef chat) {
    Message parent = m.replyToMessage();
    User author = parent == null ? null : parent.from();
    if (parent == null || parent.forumTopicCreated() != null || author == null) {
      return null;
    }
    String text = parent.text() != null ? parent.text() : parent.caption();
    return new ChatEvent.Quote(
        new MessageRef(chat, String.valueOf(parent.messageId())),
        sender(author),
        text == null ? "" : text);
  }

  private Optional<ChatEvent> command(
      ChatRef chat,
      Sender sender,
      MessageRef self,
      String text,
      @Nullable MessageRef replyTo,
      ChatEvent.@Nullable Quote quoted) {
    List<String> words = Arrays.asList(text.strip().split("\\s+"));
    String head = words.get(0).substring(1);
    int at = head.indexOf('@');
    if (at >= 0) {
      if (!head.substring(at + 1).equalsIgnoreCase(botUsername)) {
        return Optional.empty(); // "/help@OtherBot" in a group is for another bot.
      }
      head = head.substring(0, at);
    }
    if (head.isEmpty()) {
      return Optional.empty();
    }
    String name = head.toLowerCase(Locale.ROOT);
    return Optional.of(
        new ChatEvent.Command(
            chat, sender, self, name, words.subList(1, words.size()), replyTo, quoted));
  }

  private Optional<ChatEvent> buttonPress(CallbackQuery query) {
    User from = query.from();
    Message m = query.message();
    String data = query.data();
    String id = query.id();
    // Inline-mode messages and games carry no chat message; without an id (Telegram always sends
    // one) the press could not be answered.
    if (from == null
        || isBot(from)
        || m == null
        || data == null
        || id == null
        || m.chat() == null) {
      return Optional.empty();
    }
    // An inaccessible message (older than 48 h) comes as its chat and id only: no topic.
    ChatRef chat = chatOf(m);
    return Optional.of(
        new ChatEvent.ButtonPress(
            chat, sender(from), new MessageRef(chat, String.valueOf(m.messageId())), data, id));
  }

  /**
   * The bot message this one answers, if any. In a forum every message of a topic "replies" to the
   * topic's creation message, which may be the bot's: that is no reply.
   */
  private @Nullable MessageRef replyToBot(Message m, ChatRef chat) {
    Message parent = m.replyToMessage();
    if (parent == null || parent.forumTopicCreated() != null) {
      return null;
    }
    User author = parent.from();
    if (author == null || !Long.valueOf(botUserId).equals(author.id())) {
      return null;
    }
    return new MessageRef(chat, String.valueOf(parent.messageId()));
  }

  private static ChatRef chatOf(Message m) {
    TelegramUpdate.Chat c = m.chat();
    String chatId = String.valueOf(c == null ? null : c.id());
    // Outside forums Telegram also sets message_thread_id on replies; only topics are threads here.
    if (m.inTopic() && m.messageThreadId() != null) {
      return new ChatRef(Platform.TELEGRAM, chatId, String.valueOf(m.messageThreadId()));
    }
    return ChatRef.of(Platform.TELEGRAM, chatId);
  }

  private static Sender sender(User from) {
    String last = from.lastName();
    String name = last == null || last.isBlank() ? from.firstName() : from.firstName() + " " + last;
    return new Sender(
        Platform.TELEGRAM,
        String.valueOf(from.id()),
        from.username(),
        name == null || name.isBlank() ? String.valueOf(from.id()) : name);
  }

  private static boolean isBot(User user) {
    return Boolean.TRUE.equals(user.bot());
  }
}
