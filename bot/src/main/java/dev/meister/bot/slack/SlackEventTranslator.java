package dev.meister.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
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
 * Turns what Slack sends into {@link ChatEvent}s: slash commands ({@code /whoisoncall x} or {@code
 * /meister whoisoncall x}), presses of the bot's buttons, and replies in the thread of a bot
 * message. Everything else (bots, edits, top-level chatter, other people's threads) is no event.
 */
public final class SlackEventTranslator {
  /** The umbrella command for workspaces that limit how many commands an app may have. */
  static final String UMBRELLA = "meister";

  public Optional<ChatEvent> command(SlashCommandPayload p) {
    String channel = p.getChannelId();
    String user = p.getUserId();
    String command = p.getCommand();
    if (missing(channel) || missing(user) || command == null) {
      return Optional.empty();
    }
    String name = command.startsWith("/") ? command.substring(1) : command;
    name = name.toLowerCase(Locale.ROOT);
    List<String> words = words(p.getText());
    if (name.equals(UMBRELLA)) {
      if (words.isEmpty()) {
        name = "help";
      } else {
        String sub = words.get(0);
        name = (sub.startsWith("/") ? sub.substring(1) : sub).toLowerCase(Locale.ROOT);
        words = words.subList(1, words.size());
      }
    }
    ChatRef chat = ChatRef.of(Platform.SLACK, channel);
    String trigger = p.getTriggerId() == null ? "-" : p.getTriggerId();
    MessageRef self = new MessageRef(chat, SlackRefs.SLASH + trigger);
    return Optional.of(
        new ChatEvent.Command(chat, sender(user, p.getUserName(), null), self, name, words, null));
  }

  public Optional<ChatEvent> press(BlockActionPayload p) {
    // Without the presser's id no one could be checked for being a team member (found by -Pfuzz:
    // a "user" without "id" came through as a press by nobody).
    if (p.getActions() == null
        || p.getActions().isEmpty()
        || p.getUser() == null
        || missing(p.getUser().getId())) {
      return Optional.empty();
    }
    BlockActionPayload.Container container = p.getContainer();
    String channel =
        p.getChannel() != null
            ? p.getChannel().getId()
            : container != null ? container.getChannelId() : null;
    String ts =
        container != null && container.getMessageTs() != null
            ? container.getMessageTs()
            : p.getMessage() != null ? p.getMessage().getTs() : null;
    if (channel == null || ts == null || channel.isBlank() || ts.isBlank()) {
      return Optional.empty(); // A button in a modal or on the app home: not one of ours.
    }
    String thread = container != null ? container.getThreadTs() : null;
    if (thread == null && p.getMessage() != null) {
      thread = p.getMessage().getThreadTs();
    }
    ChatRef chat = new ChatRef(Platform.SLACK, channel, ts.equals(thread) ? null : thread);
    BlockActionPayload.Action action = p.getActions().get(0);
    String actionId = action.getActionId() == null ? "" : action.getActionId();
    BlockActionPayload.User u = p.getUser();
    return Optional.of(
        new ChatEvent.ButtonPress(
            chat,
            sender(u.getId(), u.getUsername(), u.getName()),
            new MessageRef(chat, ts),
            SlackActions.data(actionId, action.getValue() == null ? "" : action.getValue()),
            p.getTriggerId() == null ? "-" : p.getTriggerId()));
  }

  /**
   * A message in a thread whose parent the bot wrote is a reply to that message.
   *
   * @param botUserId the bot's own user id; null accepts any thread
   */
  public Optional<ChatEvent> message(MessageEvent e, @Nullable String botUserId) {
    String text = e.getText();
    String thread = e.getThreadTs();
    // Slack always sends these; a body without them (found by -Pfuzz: no "ts") is no event.
    if (e.getBotId() != null
        || missing(e.getUser())
        || missing(e.getChannel())
        || missing(e.getTs())
        || text == null
        || text.isBlank()
        || missing(thread)
        || thread.equals(e.getTs())) {
      return Optional.empty();
    }
    if (botUserId != null
        && e.getParentUserId() != null
        && !botUserId.equals(e.getParentUserId())) {
      return Optional.empty();
    }
    ChatRef chat = new ChatRef(Platform.SLACK, e.getChannel(), thread);
    MessageRef parent = new MessageRef(ChatRef.of(Platform.SLACK, e.getChannel()), thread);
    return Optional.of(
        new ChatEvent.Reply(
            chat,
            sender(e.getUser(), null, null),
            new MessageRef(chat, e.getTs()),
            unescape(text).strip(),
            parent));
  }

  /**
   * An {@code app_mention}: "@Meister is ohlcv late?" in a channel, e.g. a client's question in a
   * help channel. In a thread it belongs to that thread.
   */
  public Optional<ChatEvent> mention(AppMentionEvent e) {
    String text = e.getText();
    if (e.getBotId() != null
        || missing(e.getUser())
        || missing(e.getChannel())
        || missing(e.getTs())
        || text == null
        || text.isBlank()) {
      return Optional.empty();
    }
    String thread = e.getThreadTs();
    ChatRef chat =
        new ChatRef(
            Platform.SLACK,
            e.getChannel(),
            missing(thread) || thread.equals(e.getTs()) ? null : thread);
    return Optional.of(
        new ChatEvent.Mention(
            chat,
            sender(e.getUser(), null, null),
            new MessageRef(chat, e.getTs()),
            unescape(text).strip()));
  }

  private static Sender sender(String userId, @Nullable String handle, @Nullable String name) {
    String shown =
        name != null && !name.isBlank()
            ? name
            : handle != null && !handle.isBlank() ? handle : userId;
    return new Sender(Platform.SLACK, userId, handle, shown);
  }

  private static List<String> words(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(unescape(text).strip().split("\\s+"))
        .map(SlackEventTranslator::mention)
        .toList();
  }

  /** A picked user arrives as {@code <@U0123|name>}; handles read {@code @U0123}. */
  static String mention(String word) {
    if (word.startsWith("<@") && word.endsWith(">")) {
      int bar = word.indexOf('|');
      return "@" + word.substring(2, bar < 0 ? word.length() - 1 : bar);
    }
    return word;
  }

  /** Slack sends typed {@code & < >} as entities. */
  static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static boolean missing(@Nullable String field) {
    return field == null || field.isBlank();
  }
}
