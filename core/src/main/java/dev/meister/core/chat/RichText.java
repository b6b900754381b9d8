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
      if (s instanceof Span.Plain p) {
        sb.append(p.text());
      } else if (s instanceof Span.Bold b) {
        sb.append(b.text());
      } else if (s instanceof Span.Code c) {
        sb.append(c.text());
      } else if (s instanceof Span.CodeBlock c) {
        sb.append(c.text());
      } else if (s instanceof Span.Link l) {
        sb.append(l.label());
      } else if (s instanceof Span.Mention m) {
        sb.append('@').append(m.member());
      } else if (s instanceof Span.Emoji e) {
        sb.append(':').append(e.name()).append(':');
      } else {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

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
