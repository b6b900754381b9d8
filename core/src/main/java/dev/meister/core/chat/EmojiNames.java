package dev.meister.core.chat;

import java.util.Map;

/**
 * The emoji Meister uses, by the short names Slack also understands, and their Unicode form for
 * platforms that need the character itself.
 */
public final class EmojiNames {
  private static final Map<String, String> UNICODE =
      Map.ofEntries(
          Map.entry("white_check_mark", "✅"),
          Map.entry("fast_forward", "⏩"),
          Map.entry("arrow_forward", "▶️"),
          Map.entry("x", "❌"),
          Map.entry("fire", "🔥"),
          Map.entry("eyes", "👀"),
          Map.entry("rotating_light", "🚨"),
          Map.entry("memo", "📝"),
          Map.entry("warning", "⚠️"),
          Map.entry("red_circle", "🔴"),
          Map.entry("green_circle", "🟢"),
          Map.entry("handshake", "🤝"),
          Map.entry("calendar", "📅"),
          Map.entry("repeat", "🔁"),
          Map.entry("alarm_clock", "⏰"),
          Map.entry("arrow_double_up", "⏫"),
          Map.entry("hourglass", "⌛"),
          Map.entry("hammer_and_wrench", "🛠"),
          Map.entry("lock", "🔐"),
          Map.entry("heavy_multiplication_x", "✖"),
          Map.entry("loudspeaker", "📢"),
          Map.entry("speech_balloon", "💬"),
          Map.entry("no_bell", "🔕"),
          Map.entry("zzz", "💤"),
          Map.entry("game_die", "🎲"));

  private EmojiNames() {}

  /** The Unicode character for {@code name}, or {@code :name:} when it has none here. */
  public static String unicode(String name) {
    String u = UNICODE.get(name);
    return u != null ? u : ":" + name + ":";
  }
}
