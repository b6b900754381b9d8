package dev.meister.core.chat;

import dev.meister.core.team.MemberId;

/**
 * A piece of formatted text; each adapter renders it in its own markup and escapes it. Renderers
 * implement {@link Visitor}, so a new kind of span is a compile error in every one of them rather
 * than a silent mis-rendering.
 */
public sealed interface Span {
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of span. */
  interface Visitor<R> {
    R plain(String text);

    R bold(String text);

    R code(String text);

    R codeBlock(String text);

    R link(String label, String url);

    R mention(MemberId member);

    R emoji(String name);

    R lineBreak();
  }

  /** Text as is; adapters escape it. */
  record Plain(String text) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.plain(text);
    }
  }

  record Bold(String text) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.bold(text);
    }
  }

  /** Inline code, e.g. a task id. */
  record Code(String text) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.code(text);
    }
  }

  /** A code block, e.g. a stack trace. */
  record CodeBlock(String text) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.codeBlock(text);
    }
  }

  record Link(String label, String url) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.link(label, url);
    }
  }

  /** A mention that notifies the member in platforms that can. */
  record Mention(MemberId member) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.mention(member);
    }
  }

  /** A named emoji such as {@code white_check_mark}, rendered as Unicode or a platform code. */
  record Emoji(String name) implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.emoji(name);
    }
  }

  record LineBreak() implements Span {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.lineBreak();
    }
  }
}
