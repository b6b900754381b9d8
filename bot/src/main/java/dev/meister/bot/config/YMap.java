package dev.meister.bot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping; entries keep file order. */
record YMap(int line, Map<String, Entry> entries) implements YNode {
  /** One key and its value, with the line of the key. */
  record Entry(int keyLine, YNode value) {}

  YMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Override
  public String kind() {
    return "a mapping";
  }
}
