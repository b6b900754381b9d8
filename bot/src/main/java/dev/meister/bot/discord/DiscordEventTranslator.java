package dev.meister.bot.discord;

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
 * Turns {@link DiscordInput} into {@link ChatEvent}s: slash commands ({@code /whoisoncall} or
 * {@code /meister whoisoncall}), presses of the bot's buttons, and replies to the bot's messages (a
 * reply that starts with {@code /}, such as {@code /issue} to an alert, is a command). Bots and
 * replies to anyone else are no event.
 */
public final class DiscordEventTranslator {
  static final String UMBRELLA = "meister";

  public Optional<ChatEvent> translate(DiscordInput input) {
    if (input.user().bot()) {
      return Optional.empty();
    }
    ChatRef chat = ChatRef.of(Platform.DISCORD, input.channelId());
    Sender sender =
        new Sender(
            Platform.DISCORD,
            input.user().id(),
            input.user().username(),
            input.user().displayName());
    if (input instanceof DiscordInput.SlashCommand c) {
      return Optional.of(command(chat, sender, c));
    }
    if (input instanceof DiscordInput.ButtonClick b) {
      return Optional.of(
          new ChatEvent.ButtonPress(
              chat,
              sender,
              new MessageRef(chat, b.messageId()),
              b.customId(),
              DiscordRefs.interaction(b.applicationId(), b.token())));
    }
    if (input instanceof DiscordInput.ChannelMessage m) {
      return channelMessage(chat, sender, m);
    }
    DiscordInput.MessageReply r = (DiscordInput.MessageReply) input;
    if (!r.repliesToBot() || r.text().isBlank()) {
      return Optional.empty();
    }
    MessageRef self = new MessageRef(chat, r.messageId());
    MessageRef replyTo = new MessageRef(chat, r.referencedMessageId());
    String text = r.text().strip();
    if (text.length() > 1 && text.charAt(0) == '/' && !Character.isWhitespace(text.charAt(1))) {
      // A slash command cannot reference a message, so "/issue" answering an alert comes as text.
      int space = text.indexOf(' ');
      return Optional.of(
          command(
              chat,
              sender,
              self,
              replyTo,
              space < 0 ? text.substring(1) : text.substring(1, space),
              space < 0 ? "" : text.substring(space + 1)));
    }
    return Optional.of(new ChatEvent.Reply(chat, sender, self, text, replyTo));
  }

  /**
   * A typed command under someone else's message quotes it ({@code /triage}); a message that
   * mentions the bot is a {@link ChatEvent.Mention}; anything else is no event.
   */
  private static Optional<ChatEvent> channelMessage(
      ChatRef chat, Sender sender, DiscordInput.ChannelMessage m) {
    String text = m.text().strip();
    MessageRef self = new MessageRef(chat, m.messageId());
    DiscordInput.Quoted q = m.quoted();
    if (q != null
        && text.length() > 1
        && text.charAt(0) == '/'
        && !Character.isWhitespace(text.charAt(1))) {
      int space = text.indexOf(' ');
      ChatEvent.Command c =
          (ChatEvent.Command)
              command(
                  chat,
                  sender,
                  self,
                  null,
                  space < 0 ? text.substring(1) : text.substring(1, space),
                  space < 0 ? "" : text.substring(space + 1));
      Sender author =
          new Sender(
              Platform.DISCORD, q.author().id(), q.author().username(), q.author().displayName());
      return Optional.of(
          new ChatEvent.Command(
              c.chat(),
              c.sender(),
              c.message(),
              c.name(),
              c.args(),
              null,
              new ChatEvent.Quote(new MessageRef(chat, q.messageId()), author, q.text())));
    }
    if (m.mentionsBot() && !text.isEmpty()) {
      return Optional.of(new ChatEvent.Mention(chat, sender, self, text));
    }
    return Optional.empty();
  }

  /** A picked user arrives as {@code <@123>} (or {@code <@!123>}); handles read {@code @123}. */
  static String mention(String word) {
    if (word.startsWith("<@") && word.endsWith(">")) {
      String id = word.substring(2, word.length() - 1);
      return "@" + (id.startsWith("!") ? id.substring(1) : id);
    }
    return word;
  }

  private static ChatEvent command(ChatRef chat, Sender sender, DiscordInput.SlashCommand c) {
    MessageRef self = new MessageRef(chat, DiscordRefs.interaction(c.applicationId(), c.token()));
    return command(chat, sender, self, null, c.name(), c.args());
  }

  private static ChatEvent command(
      ChatRef chat,
      Sender sender,
      MessageRef self,
      @Nullable MessageRef replyTo,
      String typedName,
      String args) {
    String name = typedName.toLowerCase(Locale.ROOT);
    List<String> words =
        args.isBlank()
            ? List.of()
            : Arrays.stream(args.strip().split("\\s+"))
                .map(DiscordEventTranslator::mention)
                .toList();
    if (name.equals(UMBRELLA)) {
      if (words.isEmpty()) {
        name = "help";
      } else {
        String sub = words.get(0);
        name = (sub.startsWith("/") ? sub.substring(1) : sub).toLowerCase(Locale.ROOT);
        words = words.subList(1, words.size());
      }
    }
    return new ChatEvent.Command(chat, sender, self, name, words, replyTo);
  }
}
