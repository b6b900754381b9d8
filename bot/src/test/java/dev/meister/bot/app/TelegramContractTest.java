package dev.meister.bot.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramReceiver;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The adapter contract on Telegram: a fake Bot API on loopback, updates by long polling. */
class TelegramContractTest extends ChatAdapterContract {
  @Override
  ChatHarness harness() throws Exception {
    return new TelegramHarness();
  }

  @SuppressWarnings(
      "NullAway.Init") // Set by ports() and connect(), which the contract calls first.
  static final class TelegramHarness implements ChatHarness {
    private static final String TOKEN = "123:contract-token";
    private static final String CHAT = "-1009876543210";
    private static final Pattern MENTION = Pattern.compile("@(\\w+)");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\">");

    private final FakeTelegramApi telegram = new FakeTelegramApi(TOKEN);
    private final AtomicInteger nextUserMessage = new AtomicInteger(5000);
    private TelegramApi api;
    private TelegramReceiver receiver;

    TelegramHarness() throws java.io.IOException {}

    @Override
    public String adapter() {
      return "telegram";
    }

    @Override
    public String chatsYaml() {
      return """
            telegram:
              token: ${TELEGRAM_BOT_TOKEN}
              chats:
                alerts: { chat_id: %s }"""
          .formatted(CHAT)
          .indent(2);
    }

    @Override
    public Map<String, String> env() {
      return Map.of("TELEGRAM_BOT_TOKEN", TOKEN);
    }

    @Override
    public List<ChatPort> ports(MeisterConfig config) {
      api = new TelegramApi(TOKEN, telegram.url());
      return List.of(new TelegramChatPort(api, new TelegramRenderer(config.team())));
    }

    @Override
    public List<WebhookEndpoint> connect(ChatEventHandler dispatcher, Clock clock) {
      receiver = new TelegramReceiver(api, Set.of(CHAT), dispatcher);
      receiver.start();
      return List.of();
    }

    @Override
    public String identity(Person who) {
      return username(who);
    }

    private static String username(Person who) {
      return switch (who) {
        case ALICE -> "alice_d";
        case BOB -> "bobs";
        case OUTSIDER -> "mallory";
      };
    }

    private static long userId(Person who) {
      return switch (who) {
        case ALICE -> 100001;
        case BOB -> 100002;
        case OUTSIDER -> 666;
      };
    }

    @Override
    public void command(Person who, String line) throws Exception {
      telegram.queueUpdate(
          """
          {"message": {"message_id": %d, "date": 1764061300, "text": "%s",
            "entities": [{"type": "bot_command", "offset": 0, "length": %d}],
            "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"},
            "chat": {"id": %s, "type": "supergroup", "title": "alerts"}}}
          """
              .formatted(
                  nextUserMessage.incrementAndGet(),
                  line,
                  line.split(" ")[0].length(),
                  userId(who),
                  who.name(),
                  username(who),
                  CHAT));
    }

    @Override
    public void commandReplying(Sent to, Person who, String line) throws Exception {
      telegram.queueUpdate(
          """
          {"message": {"message_id": %d, "date": 1764061300, "text": "%s",
            "entities": [{"type": "bot_command", "offset": 0, "length": %d}],
            "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"},
            "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
            "reply_to_message": {"message_id": %s, "date": 1764061200, "text": "Build fail",
              "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
              "from": {"id": %d, "is_bot": true, "first_name": "Meister", "username": "%s"}}}}
          """
              .formatted(
                  nextUserMessage.incrementAndGet(),
                  line,
                  line.split(" ")[0].length(),
                  userId(who),
                  who.name(),
                  username(who),
                  CHAT,
                  to.id(),
                  CHAT,
                  FakeTelegramApi.BOT_ID,
                  FakeTelegramApi.BOT_USERNAME));
    }

    @Override
    public String mention(Person who, String text) throws Exception {
      int id = nextUserMessage.incrementAndGet();
      String handle = "@" + FakeTelegramApi.BOT_USERNAME;
      telegram.queueUpdate(
          """
          {"message": {"message_id": %d, "date": 1764061300, "text": "%s %s",
            "entities": [{"type": "mention", "offset": 0, "length": %d}],
            "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"},
            "chat": {"id": %s, "type": "supergroup", "title": "alerts"}}}
          """
              .formatted(
                  id, handle, text, handle.length(), userId(who), who.name(), username(who), CHAT));
      return String.valueOf(id);
    }

    @Override
    public void commandQuoting(
        String messageId, Person author, String quoted, Person who, String line) throws Exception {
      telegram.queueUpdate(
          """
          {"message": {"message_id": %d, "date": 1764061300, "text": "%s",
            "entities": [{"type": "bot_command", "offset": 0, "length": %d}],
            "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"},
            "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
            "reply_to_message": {"message_id": %s, "date": 1764061200, "text": "%s",
              "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
              "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"}}}}
          """
              .formatted(
                  nextUserMessage.incrementAndGet(),
                  line,
                  line.split(" ")[0].length(),
                  userId(who),
                  who.name(),
                  username(who),
                  CHAT,
                  messageId,
                  quoted,
                  CHAT,
                  userId(author),
                  author.name(),
                  username(author)));
    }

    @Override
    public String reply(Sent to, Person who, String text) throws Exception {
      int id = nextUserMessage.incrementAndGet();
      telegram.queueUpdate(
          """
          {"message": {"message_id": %d, "date": 1764061300, "text": "%s",
            "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"},
            "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
            "reply_to_message": {"message_id": %s, "date": 1764061200, "text": "Build fail",
              "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
              "from": {"id": %d, "is_bot": true, "first_name": "Meister", "username": "%s"}}}}
          """
              .formatted(
                  id,
                  text,
                  userId(who),
                  who.name(),
                  username(who),
                  CHAT,
                  to.id(),
                  CHAT,
                  FakeTelegramApi.BOT_ID,
                  FakeTelegramApi.BOT_USERNAME));
      return String.valueOf(id);
    }

    @Override
    public void press(Sent on, Person who, String action) throws Exception {
      String data =
          on.buttons().stream().filter(b -> b.startsWith(action + ":")).findFirst().orElseThrow();
      telegram.queueUpdate(
          """
          {"callback_query": {"id": "cb-%d", "chat_instance": "42", "data": "%s",
            "from": {"id": %d, "is_bot": false, "first_name": "%s", "username": "%s"},
            "message": {"message_id": %s, "date": 1764061200, "text": "Build fail",
              "chat": {"id": %s, "type": "supergroup", "title": "alerts"},
              "from": {"id": %d, "is_bot": true, "first_name": "Meister", "username": "%s"}}}}
          """
              .formatted(
                  nextUserMessage.incrementAndGet(),
                  data,
                  userId(who),
                  who.name(),
                  username(who),
                  on.id(),
                  CHAT,
                  FakeTelegramApi.BOT_ID,
                  FakeTelegramApi.BOT_USERNAME));
    }

    @Override
    public List<Sent> sent() {
      List<Sent> sent = new ArrayList<>();
      for (JsonNode m : accepted(telegram.requests("sendMessage"))) {
        if (m.path("chat_id").asText().equals(CHAT)) { // Direct messages are private().
          sent.add(created(m, "text", List.of()));
        }
      }
      // A file arrives as sendDocument: its caption is the message's text.
      for (JsonNode d : accepted(telegram.requests("sendDocument"))) {
        JsonNode doc = d.path("document");
        Attachment file =
            new Attachment(
                doc.path("filename").asText(),
                doc.path("content_type").asText(),
                Base64.getDecoder().decode(doc.path("base64").asText()));
        sent.add(created(d, "caption", List.of(file)));
      }
      for (JsonNode e : accepted(telegram.requests("editMessageText"))) {
        sent.add(sent(Kind.EDIT, e.path("message_id").asText(), "", e, "text", List.of()));
      }
      for (JsonNode e : accepted(telegram.requests("editMessageCaption"))) {
        sent.add(sent(Kind.EDIT, e.path("message_id").asText(), "", e, "caption", List.of()));
      }
      return sent;
    }

    /**
     * What the chat shows: the calls the fake refused (a 400, a scripted outage) change nothing.
     */
    private static List<JsonNode> accepted(List<JsonNode> requests) {
      return requests.stream().filter(r -> !r.path("_refused").asBoolean()).toList();
    }

    private static Sent created(JsonNode request, String textField, List<Attachment> files) {
      JsonNode replyTo = request.path("reply_parameters").path("message_id");
      return sent(
          replyTo.isMissingNode() ? Kind.POST : Kind.REPLY,
          request.path("_message_id").asText(""),
          replyTo.isMissingNode() ? "" : replyTo.asText(),
          request,
          textField,
          files);
    }

    private static Sent sent(
        Kind kind,
        String id,
        String under,
        JsonNode request,
        String textField,
        List<Attachment> files) {
      String html = request.path(textField).asText();
      List<String> links = new ArrayList<>();
      Matcher a = LINK.matcher(html);
      while (a.find()) {
        links.add(a.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
      }
      String text =
          TAG.matcher(html)
              .replaceAll("")
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&amp;", "&");
      List<String> mentions = new ArrayList<>();
      Matcher m = MENTION.matcher(text);
      while (m.find()) {
        mentions.add(m.group(1));
      }
      List<String> buttons = new ArrayList<>();
      for (JsonNode row : request.path("reply_markup").path("inline_keyboard")) {
        for (JsonNode b : row) {
          buttons.add(b.path("callback_data").asText());
        }
      }
      return new Sent(kind, id, under, text, mentions, buttons, links, files);
    }

    /** Direct messages: a private chat's id is the person's user id. */
    @Override
    public List<Sent> privately(Person who) {
      return accepted(telegram.requests("sendMessage")).stream()
          .filter(m -> m.path("chat_id").asLong() == userId(who))
          .map(m -> created(m, "text", List.of()))
          .toList();
    }

    @Override
    public List<String> answers() {
      return telegram.requests("answerCallbackQuery").stream()
          .map(a -> a.path("text").asText(""))
          .toList();
    }

    @Override
    public void close() {
      if (receiver != null) {
        receiver.close();
      }
      if (api != null) {
        api.close();
      }
      telegram.close();
    }
  }
}
