package dev.meister.bot.console;

import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.PrivateAnswer;
import dev.meister.core.team.Team;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The bot's side of the console chat: prints each message with its number so a person can reply to
 * it ({@code >N text}) or press its buttons ({@code !N action}), and saves the files that come with
 * a message into a folder, printing where ({@code 📎 NAME (N bytes) saved to PATH}). Every bot line
 * starts with {@code meister ▸}.
 */
public final class ConsoleChatPort implements ChatPort {
  public static final String PREFIX = "meister ▸ ";
  public static final String CONTINUATION = "          ";

  /** How a file that came with a message is shown. */
  public static final String ATTACHED = "📎 ";

  /** How an answer meant for the asker alone is shown. */
  public static final String PRIVATE = "(only you) ";

  private final PrintStream out;
  private final PlainTextRenderer renderer;
  private final AtomicLong ids;
  private final Supplier<Path> files;
  private final List<PostedMessage> posted = new ArrayList<>();

  /**
   * A message the bot printed, kept so tests and replies can refer to it.
   *
   * @param files where the files that came with it were saved
   */
  public record PostedMessage(MessageRef ref, String text, List<Button> buttons, List<Path> files) {
    public PostedMessage {
      buttons = List.copyOf(buttons);
      files = List.copyOf(files);
    }
  }

  /** Files that come with messages are saved in a temporary folder made for the first one. */
  public ConsoleChatPort(PrintStream out, Team team, AtomicLong messageIds) {
    this(out, team, messageIds, ConsoleChatPort::temporaryFolder);
  }

  /**
   * @param files the folder files that come with messages are saved in (a calendar invitation, for
   *     one), so the person at the console can open them; made when the first one arrives
   */
  public ConsoleChatPort(PrintStream out, Team team, AtomicLong messageIds, Path files) {
    this(out, team, messageIds, () -> files);
  }

  private ConsoleChatPort(PrintStream out, Team team, AtomicLong messageIds, Supplier<Path> files) {
    this.out = out;
    this.renderer = new PlainTextRenderer(team);
    this.ids = messageIds;
    this.files = memoize(files);
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

  /** Text and buttons only: the files the message came with stay where they were saved. */
  @Override
  public synchronized void edit(MessageRef message, OutgoingMessage replacement) {
    String text = renderer.render(replacement.text());
    posted.replaceAll(
        p ->
            p.ref().equals(message)
                ? new PostedMessage(message, text, replacement.buttons(), p.files())
                : p);
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

      @Override
      public PrivateAnswer answerPrivately(
          dev.meister.core.chat.ChatEvent event, OutgoingMessage message) {
        return console.answerPrivately(event, message);
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

  /** The console has one reader: the answer is printed, marked as meant for them alone. */
  @Override
  public synchronized PrivateAnswer answerPrivately(
      dev.meister.core.chat.ChatEvent event, OutgoingMessage message) {
    write(PRIVATE, renderer.render(message.text()), message.buttons());
    return PrivateAnswer.IN_PLACE;
  }

  private MessageRef print(ChatRef chat, OutgoingMessage message, String lead) {
    MessageRef ref = new MessageRef(chat, Long.toString(ids.incrementAndGet()));
    String text = renderer.render(message.text());
    String where = chat.platform() == Platform.CONSOLE ? "" : "[" + chat + "] ";
    write("#" + ref.messageId() + " " + where + lead, text, message.buttons());
    List<Path> saved = new ArrayList<>();
    for (Attachment file : message.attachments()) {
      save(file).ifPresent(saved::add);
    }
    posted.add(new PostedMessage(ref, text, message.buttons(), saved));
    out.flush();
    return ref;
  }

  /**
   * Writes the file into the folder and says where: {@code 📎 NAME (612 bytes) saved to PATH}. A
   * file that cannot be written is a line too; the message itself has been shown.
   */
  private Optional<Path> save(Attachment file) {
    String label = ATTACHED + file.fileName() + " (" + file.size() + " bytes)";
    try {
      Path folder = Files.createDirectories(files.get());
      // The name was checked to hold no path; resolving keeps it inside the folder regardless.
      Path target = folder.resolve(file.fileName()).normalize();
      if (!folder.equals(target.getParent())) {
        throw new IOException("'" + file.fileName() + "' is not a plain file name");
      }
      Files.write(target, file.content());
      out.println(CONTINUATION + label + " saved to " + target.toAbsolutePath());
      return Optional.of(target);
    } catch (IOException | UncheckedIOException e) {
      out.println(CONTINUATION + label + " could not be saved: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("meister-files");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Supplier<Path> memoize(Supplier<Path> supplier) {
    return new Supplier<>() {
      private @Nullable Path value;

      @Override
      public synchronized Path get() {
        Path v = value;
        if (v == null) {
          v = supplier.get();
          value = v;
        }
        return v;
      }
    };
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
