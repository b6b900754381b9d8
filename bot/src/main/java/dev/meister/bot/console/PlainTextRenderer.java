package dev.meister.bot.console;

import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.Member;
import dev.meister.core.team.Team;

/**
 * Renders rich text for a terminal: no markup, mentions as {@code @telegram-username} or the display
 * name, emoji as Unicode, links as "label (url)".
 */
public final class PlainTextRenderer {
  private final Team team;

  public PlainTextRenderer(Team team) {
    this.team = team;
  }

  public String render(RichText text) {
    StringBuilder sb = new StringBuilder();
    for (Span s : text.spans()) {
      if (s instanceof Span.Plain p) {
        sb.append(p.text());
      } else if (s instanceof Span.Bold b) {
        sb.append(b.text());
      } else if (s instanceof Span.Code c) {
        sb.append(c.text());
      } else if (s instanceof Span.CodeBlock c) {
        sb.append('\n').append(c.text().indent(4).stripTrailing()).append('\n');
      } else if (s instanceof Span.Link l) {
        sb.append(l.label()).append(" (").append(l.url()).append(')');
      } else if (s instanceof Span.Mention m) {
        sb.append('@').append(team.find(m.member()).map(PlainTextRenderer::handle)
            .orElse(m.member().value()));
      } else if (s instanceof Span.Emoji e) {
        sb.append(EmojiNames.unicode(e.name()));
      } else {
        sb.append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  private static String handle(Member m) {
    String tg = m.chat().telegramUsername();
    return tg != null ? tg : m.id().value();
  }
}
