package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.discord.DiscordChatPort;
import dev.meister.bot.discord.DiscordInbound;
import dev.meister.bot.discord.DiscordInput;
import dev.meister.bot.discord.DiscordRenderer;
import dev.meister.bot.discord.DiscordRest;
import dev.meister.bot.discord.FakeDiscordApi;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adapter contract on Discord, as far as it goes without a live gateway: what a person does
 * enters as the input the JDA listener would build from its gateway event (the listener itself is a
 * field-by-field copy), and everything the bot sends goes over HTTP to a fake Discord REST API.
 */
class DiscordContractTest extends ChatAdapterContract {
  @Override
  ChatHarness harness() throws Exception {
    return new DiscordHarness();
  }

  @SuppressWarnings(
      "NullAway.Init") // Set by ports() and connect(), which the contract calls first.
  static final class DiscordHarness implements ChatHarness {
    private static final String TOKEN = "discord-contract-token";
    private static final String CHANNEL = "300000000000000001";
    private static final String APP = "800000000000000001";
    private static final Pattern MENTION = Pattern.compile("<@(\\d+)>");
    private static final Pattern LINK =
        Pattern.compile("\\[((?:[^\\]\\\\]|\\\\.)*)\\]\\(([^)\\s]+)\\)");

    private final FakeDiscordApi discord = new FakeDiscordApi(TOKEN);
    private final AtomicLong next = new AtomicLong(1_300_000_000_000_000_000L);
    private DiscordRest rest;
    private DiscordInbound inbound;

    DiscordHarness() throws java.io.IOException {}

    @Override
    public String adapter() {
      return "discord";
    }

    @Override
    public String chatsYaml() {
      return """
          discord:
            token: ${DISCORD_BOT_TOKEN}
            channels:
              alerts: { channel: "%s" }"""
          .formatted(CHANNEL)
          .indent(2);
    }

    @Override
    public Map<String, String> env() {
      return Map.of("DISCORD_BOT_TOKEN", TOKEN);
    }

    @Override
    public List<ChatPort> ports(MeisterConfig config) {
      rest = new DiscordRest(TOKEN, discord.url());
      return List.of(new DiscordChatPort(rest, new DiscordRenderer(config.team())));
    }

    @Override
    public List<WebhookEndpoint> connect(ChatEventHandler dispatcher, Clock clock) {
      inbound = new DiscordInbound(Set.of(CHANNEL), dispatcher);
      return List.of();
    }

    @Override
    public String identity(Person who) {
      return switch (who) {
        case ALICE -> "100000000000000001";
        case BOB -> "100000000000000002";
        case OUTSIDER -> "100000000000000666";
      };
    }

    @Override
    public String mentionTyped(Person who) {
      return "<@" + identity(who) + ">";
    }

    private DiscordInput.User user(Person who) {
      String name = who.name().toLowerCase(java.util.Locale.ROOT);
      return new DiscordInput.User(identity(who), name, name, false);
    }

    @Override
    public void command(Person who, String line) {
      int space = line.indexOf(' ');
      inbound.receive(
          new DiscordInput.SlashCommand(
              CHANNEL,
              null,
              user(who),
              space < 0 ? line.substring(1) : line.substring(1, space),
              space < 0 ? "" : line.substring(space + 1),
              APP,
              "token-" + next.incrementAndGet()));
    }

    /**
     * A slash command is an interaction and cannot reference a message, so a command answering one
     * of the bot's messages is typed as the text of a reply, as Discord sends it.
     */
    @Override
    public void commandReplying(Sent to, Person who, String line) {
      reply(to, who, line);
    }

    @Override
    public String mention(Person who, String text) {
      String id = String.valueOf(next.incrementAndGet());
      inbound.receive(
          new DiscordInput.ChannelMessage(
              CHANNEL, null, user(who), id, "<@900000000000000009> " + text, true, null));
      return id;
    }

    @Override
    public void commandQuoting(
        String messageId, Person author, String quoted, Person who, String line) {
      inbound.receive(
          new DiscordInput.ChannelMessage(
              CHANNEL,
              null,
              user(who),
              String.valueOf(next.incrementAndGet()),
              line,
              false,
              new DiscordInput.Quoted(messageId, user(author), quoted)));
    }

    @Override
    public String reply(Sent to, Person who, String text) {
      String id = String.valueOf(next.incrementAndGet());
      inbound.receive(
          new DiscordInput.MessageReply(CHANNEL, null, user(who), id, text, to.id(), true));
      return id;
    }

    @Override
    public void press(Sent on, Person who, String action) {
      String customId =
          on.buttons().stream().filter(b -> b.startsWith(action + ":")).findFirst().orElseThrow();
      inbound.receive(
          new DiscordInput.ButtonClick(
              CHANNEL, null, user(who), on.id(), customId, APP, "token-" + next.incrementAndGet()));
    }

    @Override
    public List<Sent> sent() {
      List<Sent> sent = new ArrayList<>();
      for (FakeDiscordApi.Call call : discord.calls()) {
        if (call.body().path("flags").asInt() == 64) {
          continue; // Ephemeral answers to presses.
        }
        if (call.path().startsWith("users/") || isDm(call)) {
          continue; // Direct messages are private().
        }
        Kind kind;
        String id = call.id();
        String under = "";
        if (call.method().equals("PATCH")) {
          kind = Kind.EDIT;
          id = call.path().substring(call.path().lastIndexOf('/') + 1);
        } else if (call.path().startsWith("webhooks/")) {
          kind = Kind.REPLY;
          under = "interaction";
        } else if (call.body().has("message_reference")) {
          kind = Kind.REPLY;
          under = call.body().path("message_reference").path("message_id").asText();
        } else {
          kind = Kind.POST;
        }
        List<Attachment> files =
            call.files().stream()
                .map(
                    f ->
                        new Attachment(
                            f.fileName().orElseThrow(), f.contentType().orElse(""), f.content()))
                .toList();
        sent.add(sent(kind, id, under, call.body(), files));
      }
      return sent;
    }

    private static Sent sent(
        Kind kind,
        String id,
        String under,
        com.fasterxml.jackson.databind.JsonNode body,
        List<Attachment> files) {
      List<String> links = new ArrayList<>();
      Matcher link = LINK.matcher(body.path("content").asText());
      while (link.find()) {
        links.add(link.group(2));
      }
      // A masked link shows its label only.
      String content = LINK.matcher(body.path("content").asText()).replaceAll("$1");
      List<String> mentions = new ArrayList<>();
      Matcher m = MENTION.matcher(content);
      while (m.find()) {
        mentions.add(m.group(1));
      }
      List<String> allowed = new ArrayList<>();
      body.path("allowed_mentions").path("users").forEach(u -> allowed.add(u.asText()));
      mentions.retainAll(allowed); // Only these really notify.
      // Markup off (bold, code), then escapes undone: what a person reads.
      String text =
          content.replace("**", "").replaceAll("(?<!\\\\)`", "").replaceAll("\\\\(.)", "$1");
      List<String> buttons = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode row : body.path("components")) {
        for (com.fasterxml.jackson.databind.JsonNode b : row.path("components")) {
          buttons.add(b.path("custom_id").asText());
        }
      }
      return new Sent(kind, id, under, text, mentions, buttons, links, files);
    }

    private static boolean isDm(FakeDiscordApi.Call call) {
      return call.path().startsWith("channels/9");
    }

    /** Messages created in the DM channel Create DM gave for that person. */
    @Override
    public List<Sent> privately(Person who) {
      String dm = "channels/" + FakeDiscordApi.dmChannelOf(identity(who)) + "/messages";
      boolean opened =
          discord.calls().stream()
              .anyMatch(
                  c ->
                      c.path().equals("users/@me/channels")
                          && c.body().path("recipient_id").asText().equals(identity(who)));
      return discord.calls().stream()
          .filter(c -> opened && c.method().equals("POST") && c.path().equals(dm))
          .map(c -> sent(Kind.POST, c.id(), "", c.body(), List.of()))
          .toList();
    }

    @Override
    public List<String> answers() {
      return discord.calls().stream()
          .filter(c -> c.body().path("flags").asInt() == 64)
          .map(c -> c.body().path("content").asText().replaceAll("\\\\(.)", "$1"))
          .toList();
    }

    @Override
    public void close() {
      if (inbound != null) {
        inbound.close();
      }
      if (rest != null) {
        rest.close();
      }
      discord.close();
    }
  }
}
