package dev.meister.bot.telegram;

import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders {@link RichText} in Telegram's HTML parse mode, mentioning members by their Telegram
 * identity, and keeps the result within Telegram's 4096-character message limit.
 */
public final class TelegramRenderer {
  /** Telegram's limit for one message's text. */
  public static final int MAX_LENGTH = 4096;

  /** Telegram's limit for a file's caption, counted after entity parsing. */
  public static final int MAX_CAPTION = 1024;

  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

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
    return HtmlPiece.join(pieces(text), maxLength);
  }

  /**
   * The HTML for {@code text} as a file's caption: whole when Telegram would count at most {@link
   * #MAX_CAPTION} characters of it, else cut so its HTML alone fits (and so its text surely does).
   */
  public String renderCaption(RichText text) {
    String whole = render(text);
    return fitsCaption(whole) ? whole : HtmlPiece.join(pieces(text), MAX_CAPTION);
  }

  /** Whether Telegram takes this HTML as a caption: at most 1024 characters after parsing. */
  static boolean fitsCaption(String html) {
    return visibleLength(html) <= MAX_CAPTION;
  }

  /**
   * The characters Telegram counts in HTML it parses: tags dropped, each entity one character. Text
   * here never holds a raw {@code <} or {@code >} (escaped), so every {@code <...>} is a tag.
   */
  static int visibleLength(String html) {
    return TAG.matcher(html).replaceAll("").replaceAll("&(lt|gt|amp|quot);", "&").length();
  }

  private List<HtmlPiece> pieces(RichText text) {
    List<HtmlPiece> pieces = new ArrayList<>();
    for (Span span : text.spans()) {
      pieces.add(piece(span));
    }
    return pieces;
  }

  private HtmlPiece piece(Span span) {
    return span.accept(pieces);
  }

  private final Span.Visitor<HtmlPiece> pieces =
      new Span.Visitor<>() {
        @Override
        public HtmlPiece plain(String text) {
          return HtmlPiece.text(escape(text));
        }

        @Override
        public HtmlPiece bold(String text) {
          return HtmlPiece.tagged("<b>", escape(text), "</b>");
        }

        @Override
        public HtmlPiece code(String text) {
          return HtmlPiece.tagged("<code>", escape(text), "</code>");
        }

        @Override
        public HtmlPiece codeBlock(String text) {
          return HtmlPiece.tagged("<pre>", escape(text), "</pre>");
        }

        @Override
        public HtmlPiece link(String label, String url) {
          return HtmlPiece.tagged(
              "<a href=\"" + escapeAttribute(url) + "\">", escape(label), "</a>");
        }

        @Override
        public HtmlPiece mention(MemberId member) {
          return TelegramRenderer.this.mention(member);
        }

        @Override
        public HtmlPiece emoji(String name) {
          return HtmlPiece.atomic(escape(EmojiNames.unicode(name)));
        }

        @Override
        public HtmlPiece lineBreak() {
          return HtmlPiece.text("\n");
        }
      };

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
