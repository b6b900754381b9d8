package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatPort;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One chat adapter as {@link ChatAdapterContract} drives it: how it is configured and connected,
 * how a person acts in it (commands, replies, button presses, in the platform's own wire format),
 * and what the platform received from the bot, read back from the platform's fake.
 */
public interface ChatHarness extends AutoCloseable {
  /** People in the contract's team (and one who is not in it). */
  enum Person {
    ALICE,
    BOB,
    OUTSIDER
  }

  /** What the bot did in the chat, normalised from the platform's wire format. */
  enum Kind {
    POST,
    REPLY,
    EDIT
  }

  /**
   * @param id the platform's message id (for an edit: the edited message's)
   * @param under for a reply, the message it answers or the thread it is in
   * @param text the text a person reads, markup removed and entities decoded
   * @param mentions platform identities the message notifies
   * @param buttons {@code action:payload} of each button
   * @param links the addresses the message links to, in order
   * @param files the files that arrived with it, as the platform received them (name, the type it
   *     was told, bytes)
   */
  record Sent(
      Kind kind,
      String id,
      String under,
      String text,
      List<String> mentions,
      List<String> buttons,
      List<String> links,
      List<Attachment> files) {
    public Sent {
      files = List.copyOf(files);
    }

    /** A message without files. */
    public Sent(
        Kind kind,
        String id,
        String under,
        String text,
        List<String> mentions,
        List<String> buttons,
        List<String> links) {
      this(kind, id, under, text, mentions, buttons, links, List.of());
    }
  }

  /** {@code telegram}, {@code slack}, ...: alerts are routed to {@code <adapter>/alerts}. */
  String adapter();

  /** This adapter's block under {@code chats:} in the configuration, indented by two spaces. */
  String chatsYaml();

  Map<String, String> env();

  List<ChatPort> ports(MeisterConfig config) throws Exception;

  /** Starts receiving into {@code dispatcher}; returns endpoints the webhook server must serve. */
  List<WebhookEndpoint> connect(ChatEventHandler dispatcher, Clock clock) throws Exception;

  /** Where the webhook server listens, for adapters whose platform calls it. */
  default void webhooksAt(int port) {}

  /** How the platform shows {@code who} in a mention. */
  String identity(Person who);

  /** How {@code who} appears in command text when picked from the platform's mention list. */
  default String mentionTyped(Person who) {
    return "@" + who.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code who} types {@code line}, e.g. {@code /whoisoncall buildmeister}. */
  void command(Person who, String line) throws Exception;

  /**
   * Whether a person can send a command as a reply to one of the bot's messages. Slack cannot: it
   * refuses slash commands inside a thread ("/issue is not supported in threads").
   */
  default boolean commandsCanReply() {
    return true;
  }

  /**
   * {@code who} sends the command {@code line} as a reply to {@code to}, e.g. {@code /issue} to an
   * alert; only where {@link #commandsCanReply()}.
   */
  void commandReplying(Sent to, Person who, String line) throws Exception;

  /**
   * {@code who} writes {@code text} in the chat as a message of its own that mentions the bot, the
   * way a client asks in a help channel; returns the message's id.
   */
  String mention(Person who, String text) throws Exception;

  /**
   * {@code who} sends the command {@code line} as a reply to {@code author}'s message {@code
   * messageId}, which reads {@code quoted} (e.g. {@code /triage} under a client's question); only
   * where {@link #commandsCanReply()}.
   */
  void commandQuoting(String messageId, Person author, String quoted, Person who, String line)
      throws Exception;

  /** {@code who} replies {@code text} to {@code to}; returns the reply's message id. */
  String reply(Sent to, Person who, String text) throws Exception;

  /** {@code who} presses the button with {@code action} on {@code on}. */
  void press(Sent on, Person who, String action) throws Exception;

  /** Everything the bot sent so far. */
  List<Sent> sent() throws Exception;

  /**
   * What the bot answered {@code who} privately ({@link
   * dev.meister.core.chat.ChatPort#answerPrivately}): a direct message, an ephemeral message, or
   * the console's private line; never part of {@link #sent()}.
   */
  List<Sent> privately(Person who) throws Exception;

  /**
   * Whether a private answer shows in the conversation the person wrote in (Slack, the console)
   * rather than in a direct message, about which that conversation is then told.
   */
  default boolean answersPrivatelyInPlace() {
    return false;
  }

  /** What the bot answered to button presses, shown only to the presser. */
  List<String> answers() throws Exception;
}
