package dev.meister.core.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What identifies a failure's cause in an exception text regardless of the run: its headline with
 * the parts that change from run to run (numbers, ids, timestamps, quoted values) replaced.
 */
public final class FailureSignature {
  private static final List<Replacement> VOLATILE =
      List.of(
          new Replacement("'[^']*'|\"[^\"]*\"", "<str>"),
          new Replacement(
              "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
              "<uuid>"),
          new Replacement(
              "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
                  + "(?:Z|[+-]\\d{2}:?\\d{2})?)?",
              "<ts>"),
          // Only runs holding a digit: eight letters a-f ("deadbeef" aside) are more often a word.
          new Replacement("\\b(?:0x)?(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}\\b", "<hex>"),
          new Replacement("\\d+(?:\\.\\d+)?", "<n>"),
          new Replacement("\\s+", " "));
  private static final Pattern CLASS_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");

  private FailureSignature() {}

  /**
   * The headline with volatile parts replaced by placeholders such as {@code <n>} and {@code <ts>}.
   */
  public static String normalise(String line) {
    String s = line;
    for (Replacement r : VOLATILE) {
      s = r.pattern().matcher(s).replaceAll(r.placeholder());
    }
    return s.trim();
  }

  /**
   * The line that says what went wrong: the first non-blank line, or for a Python traceback its
   * last line, which names the exception.
   */
  public static String headline(String exception) {
    List<String> lines = exception.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      return "";
    }
    boolean traceback = lines.get(0).startsWith("Traceback (most recent call last)");
    return traceback ? lines.get(lines.size() - 1) : lines.get(0);
  }

  /**
   * The exception class before the first ':' of the headline, or {@code Error} if none is there.
   */
  public static String exceptionType(String headline) {
    int colon = headline.indexOf(':');
    String head = (colon < 0 ? headline : headline.substring(0, colon)).strip();
    return CLASS_NAME.matcher(head).matches() ? head : "Error";
  }

  /** The first 12 hex digits of the SHA-256 of the normalised headline. */
  public static String hash(String headline) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(normalise(headline).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private record Replacement(Pattern pattern, String placeholder) {
    Replacement(String regex, String placeholder) {
      this(Pattern.compile(regex), placeholder);
    }
  }
}
