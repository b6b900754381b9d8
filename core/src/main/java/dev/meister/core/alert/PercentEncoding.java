package dev.meister.core.alert;

import java.nio.charset.StandardCharsets;

/** URL query encoding; core may not use {@code java.net}, so it is done here by hand. */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /**
   * Every byte but RFC 3986 unreserved characters as {@code %XX}, e.g. {@code +} as {@code %2B}.
   */
  static String encode(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        sb.append(c);
      } else {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return sb.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
