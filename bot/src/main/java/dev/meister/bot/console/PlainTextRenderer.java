package dev.meister.bot.console;

import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;

/**
 * Renders rich text for a terminal: no markup, mentions as {@code @telegram-username} or the
 * display name, emoji as Unicode, links as "label (url)".
 */
public final class PlainTextRenderer {
  private final Team team;

  public PlainTextRenderer(Team team) {
    this.team = team;
  }

  public String render(RichText text) {
    StringBuilder sb = new StringBuilder();
    for (Span s : text.spans()) {
      sb.append(s.accept(spans));
    }
    return sb.toString().stripTrailing();
  }

  private final Span.Visitor<String> spans =
      new Span.Visitor<>() {
        @Override
        public String plain(String text) {
          return text;
        }

        @Override
        public String bold(String text) {
          return text;
        }

        @Override
        public String code(String text) {
          return text;
        }

        @Override
        public String codeBlock(String text) {
          return "\n" + text.indent(4).stripTrailing() + "\n";
        }

        @Override
        public String link(String label, String url) {
          return label + " (" + url + ")";
        }

        @Override
        public String mention(MemberId member) {
          return "@" + team.find(member).map(PlainTextRenderer::handle).orElse(member.value());
        }

        @Override
        public String emoji(String name) {
          return EmojiNames.unicode(name);
        }

        @Override
        public String lineBreak() {
          return "\n";
        }
      };

  private static String handle(Member m) {
    String tg = m.chat().telegramUsername();
    return tg != null ? tg : m.id().value();
  }
}
