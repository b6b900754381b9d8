package dev.meister.bot.console;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import dev.meister.core.team.Member;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person's side of the console chat. Reads lines until EOF or {@code /quit}: {@code /command
 * args} runs a command, {@code >N text} replies to bot message N, {@code !N action} presses a
 * button on message N, and a line that mentions {@code @meister} is a message to the bot (a
 * question, in a help channel).
 */
public final class ConsoleSession {
  public static final ChatRef CHAT = ChatRef.of(Platform.CONSOLE, "console");

  private static final Pattern REPLY = Pattern.compile(">\\s*(\\d+)\\s+(.+)");
  private static final Pattern MENTION = Pattern.compile("(?i)(^|\\s)@meister\\b");
  private static final Pattern PRESS = Pattern.compile("!\\s*(\\d+)\\s+(\\S+)(?:\\s+(\\S+))?");

  private final ChatEventHandler handler;
  private final Sender sender;
  private final AtomicLong ids;
  private final PrintStream out;
  private final boolean interactive;
  private java.util.function.Function<String, java.util.Optional<ConsoleChatPort.PostedMessage>>
      messages = number -> java.util.Optional.empty();

  /**
   * @param messageIds shared with the {@link ConsoleChatPort} so numbers never collide
   */
  public ConsoleSession(
      ChatEventHandler handler, Member as, AtomicLong messageIds, PrintStream out) {
    this(handler, as, messageIds, out, false);
  }

  /**
   * @param interactive show a prompt before each line; off when input is piped, where prompts would
   *     run into the bot's lines
   */
  public ConsoleSession(
      ChatEventHandler handler,
      Member as,
      AtomicLong messageIds,
      PrintStream out,
      boolean interactive) {
    this.interactive = interactive;
    this.handler = handler;
    this.sender = new Sender(Platform.CONSOLE, as.id().value(), as.id().value(), as.displayName());
    this.ids = messageIds;
    this.out = out;
  }

  /**
   * Lets {@code >N} and {@code !N} refer to the bot's real messages: the reply goes to the chat the
   * message was meant for, and {@code !N ack} presses that message's own button.
   */
  public ConsoleSession resolvingMessagesWith(ConsoleChatPort port) {
    this.messages = port::find;
    return this;
  }

  /** Reads and answers lines until the input ends or the person types /quit. */
  public void run(BufferedReader in) throws IOException {
    prompt();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String trimmed = line.strip();
      if (trimmed.equals("/quit") || trimmed.equals("/exit")) {
        return;
      }
      if (!trimmed.isEmpty()) {
        Optional<ChatEvent> event = parse(trimmed);
        if (event.isPresent()) {
          handler.handle(event.get());
        } else {
          out.println(
              "(type /help for commands, >N text to reply to message N, !N action to"
                  + " press a button, /quit to leave)");
        }
      }
      prompt();
    }
  }

  Optional<ChatEvent> parse(String line) {
    MessageRef message = new MessageRef(CHAT, Long.toString(ids.incrementAndGet()));
    if (line.startsWith("/")) {
      List<String> words = Arrays.asList(line.substring(1).split("\\s+"));
      String name = words.get(0).toLowerCase(Locale.ROOT);
      return Optional.of(
          new ChatEvent.Command(CHAT, sender, message, name, words.subList(1, words.size()), null));
    }
    Matcher reply = REPLY.matcher(line);
    if (reply.matches()) {
      MessageRef to =
          messages
              .apply(reply.group(1))
              .map(ConsoleChatPort.PostedMessage::ref)
              .orElse(new MessageRef(CHAT, reply.group(1)));
      ChatRef chat = to.chat();
      message = new MessageRef(chat, message.messageId());
      String text = reply.group(2).strip();
      if (text.startsWith("/")) {
        List<String> words = Arrays.asList(text.substring(1).split("\\s+"));
        return Optional.of(
            new ChatEvent.Command(
                chat,
                sender,
                message,
                words.get(0).toLowerCase(Locale.ROOT),
                words.subList(1, words.size()),
                to));
      }
      return Optional.of(new ChatEvent.Reply(chat, sender, message, text, to));
    }
    if (MENTION.matcher(line).find()) {
      return Optional.of(new ChatEvent.Mention(CHAT, sender, message, line));
    }
    Matcher press = PRESS.matcher(line);
    if (press.matches()) {
      Optional<ConsoleChatPort.PostedMessage> posted = messages.apply(press.group(1));
      MessageRef on =
          posted
              .map(ConsoleChatPort.PostedMessage::ref)
              .orElse(new MessageRef(CHAT, press.group(1)));
      String action = press.group(2);
      String payload =
          press.group(3) != null
              ? press.group(3)
              : posted
                  .flatMap(
                      p ->
                          p.buttons().stream()
                              .filter(b -> b.action().name().equals(action))
                              .findFirst())
                  .map(b -> b.action().payload())
                  .orElse("");
      return Optional.of(
          new ChatEvent.ButtonPress(
              on.chat(), sender, on, action + ":" + payload, message.messageId()));
    }
    return Optional.empty();
  }

  private void prompt() {
    if (!interactive) {
      return;
    }
    out.print(sender.displayName() + " ▸ ");
    out.flush();
  }
}
