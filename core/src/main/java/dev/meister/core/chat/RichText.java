package dev.meister.core.chat;

import dev.meister.core.team.MemberId;
import java.util.ArrayList;
import java.util.List;

/** Formatted message text as a list of spans, built line by line. */
public record RichText(List<Span> spans) {
  public RichText {
    spans = List.copyOf(spans);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static RichText plain(String text) {
    return builder().text(text).build();
  }

  /** Concatenation of all text with no markup, mentions as {@code @id}: for logs and tests. */
  public String plainText() {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans) {
      sb.append(plainText(s));
    }
    return sb.toString();
  }

  /** The same text with every mention shown as {@code name} gives it, so it notifies no one. */
  public RichText withoutMentions(java.util.function.Function<MemberId, String> name) {
    return new RichText(
        spans.stream()
            .map(s -> s instanceof Span.Mention m ? new Span.Plain(name.apply(m.member())) : s)
            .toList());
  }

  /** One span's text with no markup (a link's label, a mention as {@code @id}). */
  public static String plainText(Span span) {
    return span.accept(PLAIN);
  }

  private static final Span.Visitor<String> PLAIN =
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
          return text;
        }

        @Override
        public String link(String label, String url) {
          return label;
        }

        @Override
        public String mention(MemberId member) {
          return "@" + member;
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

  /** Builds a text; every method appends. */
  public static final class Builder {
    private final List<Span> spans = new ArrayList<>();

    public Builder text(String text) {
      spans.add(new Span.Plain(text));
      return this;
    }

    public Builder bold(String text) {
      spans.add(new Span.Bold(text));
      return this;
    }

    public Builder code(String text) {
      spans.add(new Span.Code(text));
      return this;
    }

    public Builder codeBlock(String text) {
      spans.add(new Span.CodeBlock(text));
      return this;
    }

    public Builder link(String label, String url) {
      spans.add(new Span.Link(label, url));
      return this;
    }

    public Builder mention(MemberId member) {
      spans.add(new Span.Mention(member));
      return this;
    }

    public Builder emoji(String name) {
      spans.add(new Span.Emoji(name));
      return this;
    }

    public Builder newline() {
      spans.add(new Span.LineBreak());
      return this;
    }

    public Builder append(RichText other) {
      spans.addAll(other.spans());
      return this;
    }

    public boolean isEmpty() {
      return spans.isEmpty();
    }

    public RichText build() {
      return new RichText(spans);
    }
  }
}
