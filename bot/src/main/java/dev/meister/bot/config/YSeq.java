package dev.meister.bot.config;

import java.util.List;

/** A YAML sequence. */
record YSeq(int line, List<YNode> items) implements YNode {
  YSeq {
    items = List.copyOf(items);
  }

  @Override
  public String kind() {
    return "a list";
  }
}
