package dev.meister.bot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextPreformattedElement;
import com.slack.api.model.block.element.RichTextSectionElement;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders {@link RichText} for Slack. What people see is a {@code rich_text} block: its text
 * elements are literal, so a name such as {@code _init_ *prod*} shows as written, which mrkdwn
 * cannot promise (it has no escape for {@code * _ ~ `}). Buttons go in an {@code actions} block.
 * The {@code text} fallback is mrkdwn with {@code & < >} escaped, mentions as {@code <@U…>}.
 */
public final class SlackRenderer {
  /** Slack truncates longer texts; keep well inside the 40,000-character message limit too. */
  static final int MAX_TEXT = 3000;

  static final String ACTIONS_BLOCK = "meister-actions";

  private final Team team;

  public SlackRenderer(Team team) {
    this.team = team;
  }

  SlackMessage render(OutgoingMessage message) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(richText(message.text()));
    if (!message.buttons().isEmpty()) {
      blocks.add(buttons(message.buttons()));
    }
    return new SlackMessage(mrkdwn(message.text()), blocks);
  }

  /** The mrkdwn form of {@code text}, cut with "…" at {@link #MAX_TEXT} characters. */
  public String mrkdwn(RichText text) {
    StringBuilder sb = new StringBuilder();
    for (Span span : text.spans()) {
      String piece = span.accept(mrkdwn);
      if (sb.length() + piece.length() > MAX_TEXT) {
        sb.append(
                span instanceof Span.Plain
                    ? escape(cut(RichText.plainText(span), MAX_TEXT - sb.length() - 1))
                    : "")
            .append('\u2026');
        break;
      }
      sb.append(piece);
    }
    return sb.toString();
  }

  private RichTextBlock richText(RichText text) {
    List<BlockElement> elements = new ArrayList<>();
    List<RichTextElement> section = new ArrayList<>();
    int budget = MAX_TEXT;
    for (Span span : text.spans()) {
      if (budget <= 0) {
        section.add(plain("\u2026", null));
        break;
      }
      if (span instanceof Span.CodeBlock block) {
        flush(section, elements);
        String body = cut(block.text(), budget);
        budget -= body.length();
        elements.add(
            RichTextPreformattedElement.builder().elements(List.of(plain(body, null))).build());
        continue;
      }
      RichTextElement element = span.accept(new Elements(budget));
      budget -= length(span);
      section.add(element);
    }
    flush(section, elements);
    return RichTextBlock.builder().elements(elements).build();
  }

  private static void flush(List<RichTextElement> section, List<BlockElement> into) {
    if (!section.isEmpty()) {
      into.add(RichTextSectionElement.builder().elements(List.copyOf(section)).build());
      section.clear();
    }
  }

  /**
   * One button per core button; {@code action_id} carries the action and the button's position,
   * because Slack wants it unique within the block.
   */
  private static ActionsBlock buttons(List<Button> buttons) {
    List<BlockElement> elements = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i++) {
      Button b = buttons.get(i);
      elements.add(
          ButtonElement.builder()
              .text(PlainTextObject.builder().text(b.label()).emoji(true).build())
              .actionId(SlackActions.actionId(b.action().name(), i))
              .value(b.action().payload().isEmpty() ? "-" : b.action().payload())
              .build());
    }
    return ActionsBlock.builder().blockId(ACTIONS_BLOCK).elements(elements).build();
  }

  private final class Elements implements Span.Visitor<RichTextElement> {
    private final int budget;

    Elements(int budget) {
      this.budget = budget;
    }

    @Override
    public RichTextElement plain(String text) {
      return SlackRenderer.plain(cut(text, budget), null);
    }

    @Override
    public RichTextElement bold(String text) {
      return SlackRenderer.plain(cut(text, budget), style(true, false));
    }

    @Override
    public RichTextElement code(String text) {
      return SlackRenderer.plain(cut(text, budget), style(false, true));
    }

    @Override
    public RichTextElement codeBlock(String text) {
      return SlackRenderer.plain(cut(text, budget), style(false, true));
    }

    @Override
    public RichTextElement link(String label, String url) {
      return RichTextSectionElement.Link.builder().url(url).text(cut(label, budget)).build();
    }

    @Override
    public RichTextElement mention(MemberId member) {
      Optional<String> slackId = slackId(member);
      if (slackId.isPresent()) {
        return RichTextSectionElement.User.builder().userId(slackId.get()).build();
      }
      return SlackRenderer.plain("@" + displayName(member), style(true, false));
    }

    @Override
    public RichTextElement emoji(String name) {
      return RichTextSectionElement.Emoji.builder().name(name).build();
    }

    @Override
    public RichTextElement lineBreak() {
      return SlackRenderer.plain("\n", null);
    }
  }

  private final Span.Visitor<String> mrkdwn =
      new Span.Visitor<>() {
        @Override
        public String plain(String text) {
          return escape(text);
        }

        @Override
        public String bold(String text) {
          return "*" + escape(text) + "*";
        }

        @Override
        public String code(String text) {
          return "`" + escape(text.replace('`', '\'')) + "`";
        }

        @Override
        public String codeBlock(String text) {
          return "```" + escape(text.replace("```", "'''")) + "```";
        }

        @Override
        public String link(String label, String url) {
          return "<" + escape(url).replace("|", "%7C") + "|" + escape(label) + ">";
        }

        @Override
        public String mention(MemberId member) {
          return slackId(member)
              .map(id -> "<@" + id + ">")
              .orElseGet(() -> "@" + escape(displayName(member)));
        }

        @Override
        public String emoji(String name) {
          return ":" + name + ":";
        }

        @Override
        public String lineBreak() {
          return "\n";
        }
      };

  private Optional<String> slackId(MemberId id) {
    return team.find(id).map(m -> m.chat().slackUserId()).filter(s -> !s.isBlank());
  }

  private String displayName(MemberId id) {
    return team.find(id).map(Member::displayName).orElse(id.value());
  }

  private static int length(Span span) {
    return RichText.plainText(span).length();
  }

  private static RichTextSectionElement.Text plain(
      String text, RichTextSectionElement.@org.jspecify.annotations.Nullable TextStyle style) {
    RichTextSectionElement.Text.TextBuilder b = RichTextSectionElement.Text.builder().text(text);
    if (style != null) {
      b.style(style);
    }
    return b.build();
  }

  private static RichTextSectionElement.TextStyle style(boolean bold, boolean code) {
    RichTextSectionElement.TextStyle s = new RichTextSectionElement.TextStyle();
    s.setBold(bold);
    s.setCode(code);
    return s;
  }

  /** {@code text} cut to {@code max} characters, never between a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Slack's mrkdwn needs exactly these three escaped; anything more shows up literally. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
