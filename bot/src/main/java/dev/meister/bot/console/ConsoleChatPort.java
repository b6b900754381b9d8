package dev.meister.bot.console;

import dev.meister.core.chat.Button;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.Team;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bot's side of the console chat: prints each message with its number so a person can reply to
 * it ({@code >N text}) or press its buttons ({@code !N action}). Every bot line starts with {@code
 * meister ▸}.
 */
public final class ConsoleChatPort implements ChatPort {
  public static final String PREFIX = "meister ▸ ";
  public static final String CONTINUATION = "          ";

  private final PrintStream out;
  private final PlainTextRenderer renderer;
  private final AtomicLong ids;
  private final List<PostedMessage> posted = new ArrayList<>();

  /** A message the bot printed, kept so tests and replies can refer to it. */
  public record PostedMessage(MessageRef ref, String text, List<Button> buttons) {}

  public ConsoleChatPort(PrintStream out, Team team, AtomicLong messageIds) {
    this.out = out;
    this.renderer = new PlainTextRenderer(team);
    this.ids = messageIds;
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  @Override
  public synchronized MessageRef post(ChatRef chat, OutgoingMessage message) {
    return print(chat, message, "");
  }

  @Override
  public synchronized MessageRef reply(MessageRef to, OutgoingMessage message) {
    return print(to.chat(), message, "↳ #" + to.messageId() + " ");
  }

  @Override
  public synchronized void edit(MessageRef message, OutgoingMessage replacement) {
    String text = renderer.render(replacement.text());
    posted.replaceAll(
        p -> p.ref().equals(message) ? new PostedMessage(message, text, replacement.buttons()) : p);
    write("(edited #" + message.messageId() + ") ", text, replacement.buttons());
  }

  public synchronized List<PostedMessage> posted() {
    return List.copyOf(posted);
  }

  /** The message the bot printed as number {@code number}, if any. */
  public synchronized java.util.Optional<PostedMessage> find(String number) {
    return posted.stream().filter(p -> p.ref().messageId().equals(number)).findFirst();
  }

  /**
   * This console standing in for another platform, so that a demo's Telegram or Slack chats print
   * here; message references keep the chat they were meant for, so replies find their alerts.
   */
  public ChatPort standingInFor(Platform platform) {
    ConsoleChatPort console = this;
    return new ChatPort() {
      @Override
      public Platform platform() {
        return platform;
      }

      @Override
      public MessageRef post(ChatRef chat, OutgoingMessage message) {
        return console.post(chat, message);
      }

      @Override
      public MessageRef reply(MessageRef to, OutgoingMessage message) {
        return console.reply(to, message);
      }

      @Override
      public void edit(MessageRef message, OutgoingMessage replacement) {
        console.edit(message, replacement);
      }

      @Override
      public void answerButton(dev.meister.core.chat.ChatEvent.ButtonPress press, String toast) {
        console.answerButton(press, toast);
      }
    };
  }

  @Override
  public synchronized void answerButton(
      dev.meister.core.chat.ChatEvent.ButtonPress press, String toast) {
    if (!toast.isEmpty()) {
      out.println(PREFIX + "(" + toast + ")");
      out.flush();
    }
  }

  private MessageRef print(ChatRef chat, OutgoingMessage message, String lead) {
    MessageRef ref = new MessageRef(chat, Long.toString(ids.incrementAndGet()));
    String text = renderer.render(message.text());
    posted.add(new PostedMessage(ref, text, message.buttons()));
    String where = chat.platform() == Platform.CONSOLE ? "" : "[" + chat + "] ";
    write("#" + ref.messageId() + " " + where + lead, text, message.buttons());
    return ref;
  }

  private void write(String lead, String text, List<Button> buttons) {
    String[] lines = text.split("\n", -1);
    out.println(PREFIX + lead + lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.println(CONTINUATION + lines[i]);
    }
    for (Button b : buttons) {
      out.println(
          CONTINUATION + "[" + b.label() + "]  (type !<message number> " + b.action().name() + ")");
    }
    out.flush();
  }
}
