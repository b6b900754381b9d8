package dev.meister.bot.telegram;

import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@link RichText} in Telegram's HTML parse mode, mentioning members by their Telegram
 * identity, and keeps the result within Telegram's 4096-character message limit.
 */
public final class TelegramRenderer {
  /** Telegram's limit for one message's text. */
  public static final int MAX_LENGTH = 4096;

  private static final Map<String, String> EMOJI = Map.ofEntries(
      Map.entry("white_check_mark", "\u2705"),
      Map.entry("fast_forward", "\u23E9"),
      Map.entry("arrow_forward", "\u25B6\uFE0F"),
      Map.entry("x", "\u274C"),
      Map.entry("fire", "\uD83D\uDD25"),
      Map.entry("eyes", "\uD83D\uDC40"),
      Map.entry("rotating_light", "\uD83D\uDEA8"),
      Map.entry("memo", "\uD83D\uDCDD"),
      Map.entry("warning", "\u26A0\uFE0F"),
      Map.entry("red_circle", "\uD83D\uDD34"),
      Map.entry("green_circle", "\uD83D\uDFE2"));

  private final Team team;
  private final int maxLength;

  public TelegramRenderer(Team team) {
    this(team, MAX_LENGTH);
  }

  /** For tests: a smaller cap makes truncation easy to see. */
  TelegramRenderer(Team team, int maxLength) {
    if (maxLength < 16) {
      throw new IllegalArgumentException("maxLength must be at least 16, was " + maxLength);
    }
    this.team = team;
    this.maxLength = maxLength;
  }

  /** The HTML for {@code text}, cut with "…" after the last whole piece that fits. */
  public String render(RichText text) {
    List<HtmlPiece> pieces = new ArrayList<>();
    for (Span span : text.spans()) {
      pieces.add(piece(span));
    }
    return HtmlPiece.join(pieces, maxLength);
  }

  private HtmlPiece piece(Span span) {
    if (span instanceof Span.Plain p) {
      return HtmlPiece.text(escape(p.text()));
    } else if (span instanceof Span.Bold b) {
      return HtmlPiece.tagged("<b>", escape(b.text()), "</b>");
    } else if (span instanceof Span.Code c) {
      return HtmlPiece.tagged("<code>", escape(c.text()), "</code>");
    } else if (span instanceof Span.CodeBlock c) {
      return HtmlPiece.tagged("<pre>", escape(c.text()), "</pre>");
    } else if (span instanceof Span.Link l) {
      return HtmlPiece.tagged(
          "<a href=\"" + escapeAttribute(l.url()) + "\">", escape(l.label()), "</a>");
    } else if (span instanceof Span.Mention m) {
      return mention(m.member());
    } else if (span instanceof Span.Emoji e) {
      return HtmlPiece.atomic(EMOJI.getOrDefault(e.name(), escape(":" + e.name() + ":")));
    } else {
      return HtmlPiece.text("\n");
    }
  }

  /**
   * A mention is never cut: half a username would ping someone else. Without a username, the
   * numeric id still notifies the member through a {@code tg://user} link.
   */
  private HtmlPiece mention(MemberId id) {
    Optional<Member> found = team.find(id);
    if (found.isEmpty()) {
      return HtmlPiece.atomic(escape("@" + id.value()));
    }
    Member member = found.get();
    String username = member.chat().telegramUsername();
    if (username != null && !username.isBlank()) {
      return HtmlPiece.atomic("@" + escape(username));
    }
    Long userId = member.chat().telegramUserId();
    if (userId != null) {
      return HtmlPiece.atomic(
          "<a href=\"tg://user?id=" + userId + "\">" + escape(member.displayName()) + "</a>");
    }
    return HtmlPiece.atomic(escape(member.displayName()));
  }

  /** Telegram's HTML mode needs only these three escaped in text. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String escapeAttribute(String value) {
    return escape(value).replace("\"", "&quot;");
  }
}
