package dev.meister.bot.config;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads {@code chats}: one section per adapter, each with its named chats and secrets. */
final class ChatsSection {
  private static final List<String> ADAPTERS = List.of("telegram", "slack", "discord", "console");
  private static final List<String> TELEGRAM_KEYS =
      List.of("enabled", "token", "mode", "webhook_secret", "api_url", "webhook_url", "chats");
  private static final List<String> TELEGRAM_CHAT_KEYS = List.of("chat_id", "topic");
  private static final List<String> SLACK_KEYS =
      List.of("enabled", "bot_token", "app_token", "signing_secret", "mode", "channels");
  private static final List<String> DISCORD_KEYS = List.of("enabled", "token", "channels");
  private static final List<String> CHANNEL_KEYS = List.of("channel");
  private static final List<String> CONSOLE_KEYS = List.of("enabled");

  private final Problems problems;
  private final SecretResolver secrets;

  /** {@code adapter/name} of every chat written in the file, valid or not. */
  private final Set<String> declared = new LinkedHashSet<>();

  private ChatsConfig config = ChatsConfig.none();

  ChatsSection(Problems problems, SecretResolver secrets) {
    this.problems = problems;
    this.secrets = secrets;
  }

  /** The chats read so far: what {@link #read} found. */
  ChatsConfig config() {
    return config;
  }

  ChatsConfig read(@Nullable YNode node) {
    Fields chats = node == null ? null : Fields.of(node, "chats", problems, ADAPTERS);
    if (chats == null) {
      return config;
    }
    Fields console = chats.map("console", false, CONSOLE_KEYS);
    if (console != null) {
      console.flag("enabled", true);
    }
    config = new ChatsConfig(telegram(chats), slack(chats), discord(chats));
    return config;
  }

  /**
   * The chat a reference such as {@code telegram/data-alerts} names; {@code null} and a problem if
   * it is malformed or undefined (unless it was defined with mistakes, already reported).
   */
  @Nullable ChatTarget reference(YNode node, String path) {
    String reference = Fields.scalar(node, path, problems);
    if (reference == null) {
      return null;
    }
    int slash = reference.indexOf('/');
    String adapter = slash < 0 ? "" : reference.substring(0, slash);
    if (slash <= 0 || slash == reference.length() - 1 || !ADAPTERS.contains(adapter)) {
      problems.add(
          node,
          path,
          "chat '"
              + reference
              + "' must look like <adapter>/<name> with adapter one of "
              + String.join(", ", ADAPTERS)
              + ", e.g. telegram/data-alerts");
      return null;
    }
    ChatTarget target = config.target(reference).orElse(null);
    if (target == null && !declared.contains(reference)) {
      String name = reference.substring(slash + 1);
      String section = "chats." + adapter + (adapter.equals("telegram") ? ".chats" : ".channels");
      problems.add(
          node,
          path,
          "chat '"
              + reference
              + "' is not defined in "
              + section
              + Suggestions.didYouMean(name, config.named(adapter).keySet()));
    }
    return target;
  }

  /**
   * The chats a reference or a list of references names, in order; {@code null} when any of them is
   * wrong (each reported), so the caller does not go on with part of the list. A chat named twice
   * is a problem: it would get every message twice.
   */
  @Nullable List<ChatTarget> references(YNode node, String path) {
    List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
    if (items.isEmpty()) {
      problems.add(node, path, "names no chat; give one, e.g. telegram/data-alerts, or a list");
      return null;
    }
    List<ChatTarget> targets = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      String at = node instanceof YSeq ? Problems.item(path, i) : path;
      ChatTarget target = reference(items.get(i), at);
      if (target == null) {
        complete = false;
      } else if (targets.stream().anyMatch(t -> t.ref().equals(target.ref()))) {
        problems.add(items.get(i), at, "chat '" + target.reference() + "' is listed twice");
        complete = false;
      } else {
        targets.add(target);
      }
    }
    return complete ? targets : null;
  }

  private @Nullable TelegramConfig telegram(Fields chats) {
    Fields f = chats.map("telegram", false, TELEGRAM_KEYS);
    if (f == null) {
      return null;
    }
    boolean enabled = f.flag("enabled", true);
    TelegramMode mode = f.value("mode", false, t -> Values.choice(TelegramMode.class, t));
    Secret token = secrets.read(f, "token", true, enabled);
    boolean webhook = mode == TelegramMode.WEBHOOK;
    Secret webhookSecret = secrets.read(f, "webhook_secret", webhook, enabled);
    String apiUrl = f.value("api_url", false, ChatsSection::httpUrl);
    String webhookUrl = f.value("webhook_url", webhook, ChatsSection::httpUrl);
    Map<String, ChatTarget> named =
        named(f, "telegram", "chats", TELEGRAM_CHAT_KEYS, ChatsSection::telegramChat);
    return new TelegramConfig(
        enabled,
        token,
        mode == null ? TelegramMode.POLLING : mode,
        webhookSecret,
        apiUrl,
        webhookUrl,
        named);
  }

  private static @Nullable ChatRef telegramChat(Fields chat) {
    Long chatId = chat.value("chat_id", true, Values::integer);
    Long topic = chat.value("topic", false, Values::integer);
    if (chatId == null) {
      return null;
    }
    return new ChatRef(
        Platform.TELEGRAM, Long.toString(chatId), topic == null ? null : topic.toString());
  }

  private @Nullable SlackConfig slack(Fields chats) {
    Fields f = chats.map("slack", false, SLACK_KEYS);
    if (f == null) {
      return null;
    }
    boolean enabled = f.flag("enabled", true);
    SlackMode parsed = f.value("mode", false, t -> Values.choice(SlackMode.class, t));
    SlackMode mode = parsed == null ? SlackMode.SOCKET : parsed;
    Secret botToken = secrets.read(f, "bot_token", true, enabled);
    Secret appToken = secrets.read(f, "app_token", mode == SlackMode.SOCKET, enabled);
    Secret signingSecret = secrets.read(f, "signing_secret", mode == SlackMode.HTTP, enabled);
    Map<String, ChatTarget> named =
        named(f, "slack", "channels", CHANNEL_KEYS, c -> channel(c, Platform.SLACK));
    return new SlackConfig(enabled, botToken, appToken, signingSecret, mode, named);
  }

  private @Nullable DiscordConfig discord(Fields chats) {
    Fields f = chats.map("discord", false, DISCORD_KEYS);
    if (f == null) {
      return null;
    }
    boolean enabled = f.flag("enabled", true);
    Secret token = secrets.read(f, "token", true, enabled);
    Map<String, ChatTarget> named =
        named(f, "discord", "channels", CHANNEL_KEYS, c -> channel(c, Platform.DISCORD));
    return new DiscordConfig(enabled, token, named);
  }

  private static @Nullable ChatRef channel(Fields chat, Platform platform) {
    String channel = chat.text("channel", true);
    return channel == null ? null : ChatRef.of(platform, channel);
  }

  private Map<String, ChatTarget> named(
      Fields adapter,
      String adapterName,
      String key,
      List<String> allowed,
      Function<Fields, @Nullable ChatRef> reader) {
    Map<String, ChatTarget> named = new LinkedHashMap<>();
    Fields all = adapter.anyKeysMap(key, false);
    if (all == null) {
      return named;
    }
    for (String name : all.keys()) {
      declared.add(adapterName + "/" + name);
      YNode node = all.node(name, true);
      Fields chat = node == null ? null : Fields.of(node, all.path(name), problems, allowed);
      ChatRef ref = chat == null ? null : reader.apply(chat);
      if (ref != null) {
        named.put(name, new ChatTarget(ref.platform(), name, ref));
      }
    }
    return named;
  }

  private static String httpUrl(String text) {
    if (!text.startsWith("http://") && !text.startsWith("https://")) {
      throw new IllegalArgumentException("'" + text + "' must be an http:// or https:// URL");
    }
    return text;
  }
}
