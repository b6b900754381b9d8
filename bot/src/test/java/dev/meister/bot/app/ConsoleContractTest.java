package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.PlainTextRenderer;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The adapter contract on the console chat. */
class ConsoleContractTest extends ChatAdapterContract {
  @Override
  ChatHarness harness() throws IOException {
    return new ConsoleHarness(Files.createDirectories(dir.resolve("console-files")));
  }

  @SuppressWarnings(
      "NullAway.Init") // Set by ports() and connect(), which the contract calls first.
  static final class ConsoleHarness implements ChatHarness {
    private static final Pattern MENTION = Pattern.compile("@(\\w+)");
    private static final ChatRef ALERTS = ChatRef.of(Platform.CONSOLE, "alerts");
    private final AtomicLong ids = new AtomicLong();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final Path folder;
    private ConsoleChatPort console;
    private RecordingChatPort port;
    private ChatEventHandler dispatcher;

    ConsoleHarness(Path folder) {
      this.folder = folder;
    }

    @Override
    public String adapter() {
      return "console";
    }

    @Override
    public String chatsYaml() {
      return "  console: { enabled: true }";
    }

    @Override
    public Map<String, String> env() {
      return Map.of();
    }

    @Override
    public List<ChatPort> ports(MeisterConfig config) {
      PlainTextRenderer renderer = new PlainTextRenderer(config.team());
      console = new ConsoleChatPort(out, config.team(), ids, folder);
      port =
          new RecordingChatPort(console, m -> renderer.render(m.text()), ConsoleHarness::mentions);
      return List.of(port);
    }

    @Override
    public List<WebhookEndpoint> connect(ChatEventHandler dispatcher, Clock clock) {
      this.dispatcher = dispatcher;
      return List.of();
    }

    @Override
    public String identity(Person who) {
      return switch (who) {
        case ALICE -> "alice_d";
        case BOB -> "bobs";
        case OUTSIDER -> "mallory";
      };
    }

    private Sender sender(Person who) {
      String id =
          switch (who) {
            case ALICE -> "alice";
            case BOB -> "bob";
            case OUTSIDER -> "mallory";
          };
      return new Sender(Platform.CONSOLE, id, id, id);
    }

    @Override
    public void command(Person who, String line) {
      List<String> words = Arrays.asList(line.substring(1).split("\\s+"));
      dispatcher.handle(
          new ChatEvent.Command(
              ALERTS, sender(who), next(), words.get(0), words.subList(1, words.size()), null));
    }

    @Override
    public void commandReplying(Sent to, Person who, String line) {
      List<String> words = Arrays.asList(line.substring(1).split("\\s+"));
      dispatcher.handle(
          new ChatEvent.Command(
              ALERTS,
              sender(who),
              next(),
              words.get(0),
              words.subList(1, words.size()),
              new MessageRef(ALERTS, to.id())));
    }

    @Override
    public String mention(Person who, String text) {
      MessageRef self = next();
      dispatcher.handle(new ChatEvent.Mention(ALERTS, sender(who), self, "@meister " + text));
      return self.messageId();
    }

    @Override
    public void commandQuoting(
        String messageId, Person author, String quoted, Person who, String line) {
      List<String> words = Arrays.asList(line.substring(1).split("\\s+"));
      dispatcher.handle(
          new ChatEvent.Command(
              ALERTS,
              sender(who),
              next(),
              words.get(0),
              words.subList(1, words.size()),
              null,
              new ChatEvent.Quote(new MessageRef(ALERTS, messageId), sender(author), quoted)));
    }

    @Override
    public String reply(Sent to, Person who, String text) {
      MessageRef self = next();
      dispatcher.handle(
          new ChatEvent.Reply(ALERTS, sender(who), self, text, new MessageRef(ALERTS, to.id())));
      return self.messageId();
    }

    @Override
    public void press(Sent on, Person who, String action) {
      String data =
          on.buttons().stream().filter(b -> b.startsWith(action + ":")).findFirst().orElseThrow();
      dispatcher.handle(
          new ChatEvent.ButtonPress(
              ALERTS, sender(who), new MessageRef(ALERTS, on.id()), data, "press"));
    }

    /**
     * What the console showed; a message's files are the ones it saved and named in its {@code 📎}
     * line, read back from the folder.
     */
    @Override
    public List<Sent> sent() {
      String shown = printed.toString(StandardCharsets.UTF_8);
      return port.sent().stream()
          .map(
              s -> {
                List<Path> saved =
                    console
                        .find(s.id())
                        .map(ConsoleChatPort.PostedMessage::files)
                        .orElse(List.of());
                List<Attachment> files = new ArrayList<>();
                for (Path p : saved) {
                  byte[] bytes = read(p);
                  if (shown.contains(
                      ConsoleChatPort.ATTACHED
                          + p.getFileName()
                          + " ("
                          + bytes.length
                          + " bytes) saved to "
                          + p.toAbsolutePath())) {
                    files.add(
                        new Attachment(
                            p.getFileName().toString(), "application/octet-stream", bytes));
                  }
                }
                return new Sent(
                    s.kind(),
                    s.id(),
                    s.under(),
                    s.text(),
                    s.mentions(),
                    s.buttons(),
                    s.links(),
                    files);
              })
          .toList();
    }

    private static byte[] read(Path p) {
      try {
        return Files.readAllBytes(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean answersPrivatelyInPlace() {
      return true;
    }

    /** The console has one reader: its private lines, as printed. */
    @Override
    public List<Sent> privately(Person who) {
      String shown = printed.toString(StandardCharsets.UTF_8);
      return port.privately().stream()
          .filter(s -> s.under().equals(sender(who).userId()))
          .filter(
              s ->
                  shown.contains(
                      ConsoleChatPort.PREFIX + ConsoleChatPort.PRIVATE + s.text().split("\n")[0]))
          .toList();
    }

    @Override
    public List<String> answers() {
      return port.answers();
    }

    private MessageRef next() {
      return new MessageRef(ALERTS, Long.toString(ids.incrementAndGet()));
    }

    private static List<String> mentions(String text) {
      Matcher m = MENTION.matcher(text);
      List<String> found = new java.util.ArrayList<>();
      while (m.find()) {
        found.add(m.group(1));
      }
      return found;
    }

    @Override
    public void close() {
      out.close();
    }
  }
}
