package dev.meister.core.chat;

import dev.meister.core.team.MemberId;

/** A piece of formatted text; each adapter renders it in its own markup and escapes it. */
public sealed interface Span {
  /** Text as is; adapters escape it. */
  record Plain(String text) implements Span {}

  record Bold(String text) implements Span {}

  /** Inline code, e.g. a task id. */
  record Code(String text) implements Span {}

  /** A code block, e.g. a stack trace. */
  record CodeBlock(String text) implements Span {}

  record Link(String label, String url) implements Span {}

  /** A mention that notifies the member in platforms that can. */
  record Mention(MemberId member) implements Span {}

  /** A named emoji such as {@code white_check_mark}, rendered as Unicode or a platform code. */
  record Emoji(String name) implements Span {}

  record LineBreak() implements Span {}
}
