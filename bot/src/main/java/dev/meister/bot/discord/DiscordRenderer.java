package dev.meister.bot.discord;

import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders {@link RichText} as Discord markdown: markup characters in text are backslash-escaped,
 * members with a Discord id are mentioned as {@code <@id>}, and the result fits Discord's
 * 2000-character limit. Which users may actually be pinged is said separately ({@link
 * Rendered#mentioned}), so no text can ping {@code @everyone}.
 */
public final class DiscordRenderer {
  /** Discord's limit for a message's content. */
  public static final int MAX_LENGTH = 2000;

  private static final String MARKUP = "\\*_~`|>#-[]()<:@";

  private final Team team;

  public DiscordRenderer(Team team) {
    this.team = team;
  }

  /** Markdown content and the user ids it may ping. */
  record Rendered(String content, List<String> mentioned) {
    Rendered {
      mentioned = List.copyOf(mentioned);
    }
  }

  Rendered render(RichText text) {
    Set<String> mentioned = new LinkedHashSet<>();
    StringBuilder sb = new StringBuilder();
    for (Span span : text.spans()) {
      String piece = span.accept(new Pieces(mentioned));
      if (sb.length() + piece.length() > MAX_LENGTH - 1) {
        sb.append('\u2026');
        break;
      }
      sb.append(piece);
    }
    return new Rendered(sb.toString(), List.copyOf(mentioned));
  }

  private final class Pieces implements Span.Visitor<String> {
    private final Set<String> mentioned;

    Pieces(Set<String> mentioned) {
      this.mentioned = mentioned;
    }

    @Override
    public String plain(String text) {
      return escape(text);
    }

    @Override
    public String bold(String text) {
      return "**" + escape(text) + "**";
    }

    /**
     * Inline code shows everything literally but cannot hold a backtick; a look-alike stands in.
     */
    @Override
    public String code(String text) {
      return "`" + text.replace('`', '\u02cb') + "`";
    }

    @Override
    public String codeBlock(String text) {
      return "```\n" + text.replace("```", "\u02cb\u02cb\u02cb") + "\n```";
    }

    @Override
    public String link(String label, String url) {
      return "[" + escape(label) + "](" + url.replace(")", "%29").replace(" ", "%20") + ")";
    }

    @Override
    public String mention(MemberId member) {
      Optional<String> id = discordId(member);
      if (id.isPresent()) {
        mentioned.add(id.get());
        return "<@" + id.get() + ">";
      }
      return "@" + escape(team.find(member).map(Member::displayName).orElse(member.value()));
    }

    @Override
    public String emoji(String name) {
      return EmojiNames.unicode(name);
    }

    @Override
    public String lineBreak() {
      return "\n";
    }
  }

  private Optional<String> discordId(MemberId id) {
    return team.find(id).map(m -> m.chat().discordUserId()).filter(s -> !s.isBlank());
  }

  /** A backslash before every character Discord's markdown or mention syntax could read. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (MARKUP.indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
