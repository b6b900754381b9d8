package dev.meister.core.alert;

import java.util.Locale;
import java.util.Set;

/** Recognises a chat reply that means "I am looking into this alert". */
public final class AckPhrases {
  private static final Set<String> LOOKING =
      Set.of("looking", "looking into it", "on it", "ack", "/ack", "👀", "i'm on it", "i’m on it");

  private AckPhrases() {}

  /**
   * True for e.g. {@code Looking}, {@code on it!}, {@code /ack} or 👀, ignoring case and end
   * punctuation.
   */
  public static boolean meansLooking(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    int end = s.length();
    while (end > 0 && ".!…,;:".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return LOOKING.contains(s.substring(0, end).strip());
  }
}
