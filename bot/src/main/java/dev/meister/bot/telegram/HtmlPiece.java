package dev.meister.bot.telegram;

import java.util.List;

/**
 * One rendered span: opening tag, escaped body, closing tag. Truncation works on pieces, so it can
 * never cut a tag, an entity or a surrogate pair, and always closes what it opened.
 *
 * @param splittable whether the body may be shortened (plain text, bold, code); mentions and emoji
 *     are all or nothing
 */
record HtmlPiece(String open, String body, String close, boolean splittable) {
  static final String ELLIPSIS = "\u2026";

  static HtmlPiece text(String escaped) {
    return new HtmlPiece("", escaped, "", true);
  }

  static HtmlPiece tagged(String open, String escaped, String close) {
    return new HtmlPiece(open, escaped, close, true);
  }

  static HtmlPiece atomic(String html) {
    return new HtmlPiece("", html, "", false);
  }

  int length() {
    return open.length() + body.length() + close.length();
  }

  String html() {
    return open + body + close;
  }

  static String join(List<HtmlPiece> pieces, int maxLength) {
    int total = pieces.stream().mapToInt(HtmlPiece::length).sum();
    StringBuilder sb = new StringBuilder(Math.min(total, maxLength));
    if (total <= maxLength) {
      pieces.forEach(p -> sb.append(p.html()));
      return sb.toString();
    }
    int budget = maxLength - ELLIPSIS.length();
    for (HtmlPiece p : pieces) {
      if (sb.length() + p.length() <= budget) {
        sb.append(p.html());
        continue;
      }
      int room = budget - sb.length() - p.open.length() - p.close.length();
      if (p.splittable && room > 0) {
        String head = p.body.substring(0, safeCut(p.body, room));
        if (!head.isEmpty()) {
          sb.append(p.open).append(head).append(p.close);
        }
      }
      break;
    }
    return sb.append(ELLIPSIS).toString();
  }

  /** The largest index ≤ {@code limit} that splits neither an entity nor a surrogate pair. */
  static int safeCut(String escaped, int limit) {
    int cut = Math.min(limit, escaped.length());
    int amp = escaped.lastIndexOf('&', cut - 1);
    if (amp >= 0 && escaped.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (cut > 0 && cut < escaped.length() && Character.isHighSurrogate(escaped.charAt(cut - 1))) {
      cut--;
    }
    return cut;
  }
}
