package dev.meister.bot.config;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One mapping of the file, read field by field. Each getter reports what is wrong with its field
 * and returns {@code null}, so the caller carries on and every problem is found in one pass.
 */
final class Fields {
  private final YMap map;
  private final String path;
  private final Problems problems;

  private Fields(YMap map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /** Allowed keys that an unknown key was probably meant to be. */
  private final java.util.Set<String> misspelt = new java.util.HashSet<>();

  /**
   * The node as a mapping whose keys must be among {@code allowed} (unknown ones are reported, with
   * a suggestion); {@code null} and a problem if it is not a mapping.
   */
  static @Nullable Fields of(YNode node, String path, Problems problems, List<String> allowed) {
    Fields fields = anyKeys(node, path, problems);
    if (fields != null) {
      for (String key : fields.keys()) {
        if (!allowed.contains(key)) {
          problems.add(
              fields.keyLine(key),
              Problems.child(path, key),
              "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed));
          Suggestions.closest(key, allowed).ifPresent(fields.misspelt::add);
        }
      }
    }
    return fields;
  }

  /** The node as a mapping with names of the user's choosing as keys. */
  static @Nullable Fields anyKeys(YNode node, String path, Problems problems) {
    if (node instanceof YMap map) {
      return new Fields(map, path, problems);
    }
    problems.add(node, path, "must be a mapping, not " + node.kind());
    return null;
  }

  /** The mappings of a list section; a missing section is an empty list. */
  static List<Fields> mappings(
      @Nullable YNode node, String path, Problems problems, List<String> allowed) {
    List<Fields> items = new ArrayList<>();
    if (node == null || (node instanceof YScalar scalar && scalar.text() == null)) {
      return items;
    }
    if (!(node instanceof YSeq seq)) {
      problems.add(node, path, "must be a list, not " + node.kind());
      return items;
    }
    List<YNode> nodes = seq.items();
    for (int i = 0; i < nodes.size(); i++) {
      Fields f = Fields.of(nodes.get(i), Problems.item(path, i), problems, allowed);
      if (f != null) {
        items.add(f);
      }
    }
    return items;
  }

  /** The node's text; reports and returns {@code null} if it is empty or not a single value. */
  static @Nullable String scalar(YNode node, String path, Problems problems) {
    if (!(node instanceof YScalar scalar)) {
      problems.add(node, path, "must be a single value, not " + node.kind());
      return null;
    }
    String text = scalar.text();
    if (text == null || text.isBlank()) {
      problems.add(node, path, "must not be empty");
      return null;
    }
    return text.trim();
  }

  /** Parses text with a parser that explains bad input by throwing; reports its message. */
  static <T> @Nullable T parse(
      YNode node, String path, Problems problems, Function<String, T> parser) {
    String text = scalar(node, path, problems);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      problems.add(node, path, String.valueOf(e.getMessage()));
      return null;
    }
  }

  String path() {
    return path;
  }

  String path(String key) {
    return Problems.child(path, key);
  }

  int line() {
    return map.line();
  }

  Set<String> keys() {
    return map.entries().keySet();
  }

  int keyLine(String key) {
    YMap.Entry entry = map.entries().get(key);
    return entry == null ? map.line() : entry.keyLine();
  }

  boolean has(String key) {
    return map.entries().containsKey(key);
  }

  /** The value under {@code key}; {@code null} (and a problem if required) when absent or empty. */
  @Nullable YNode node(String key, boolean required) {
    YMap.Entry entry = map.entries().get(key);
    if (entry == null) {
      // A required key written with a typo is one mistake: the unknown-key problem already says it.
      if (required && !misspelt.contains(key)) {
        problems.add(map.line(), path, "missing required field '" + key + "'");
      }
      return null;
    }
    YNode value = entry.value();
    if (value instanceof YScalar scalar && scalar.text() == null) {
      if (required) {
        problems.add(value, path(key), "must not be empty");
      }
      return null;
    }
    return value;
  }

  @Nullable String text(String key, boolean required) {
    YNode node = node(key, required);
    return node == null ? null : scalar(node, path(key), problems);
  }

  <T> @Nullable T value(String key, boolean required, Function<String, T> parser) {
    YNode node = node(key, required);
    return node == null ? null : parse(node, path(key), problems, parser);
  }

  @Nullable Fields map(String key, boolean required, List<String> allowed) {
    YNode node = node(key, required);
    return node == null ? null : of(node, path(key), problems, allowed);
  }

  @Nullable Fields anyKeysMap(String key, boolean required) {
    YNode node = node(key, required);
    return node == null ? null : anyKeys(node, path(key), problems);
  }

  @Nullable YSeq list(String key, boolean required) {
    YNode node = node(key, required);
    if (node == null) {
      return null;
    }
    if (node instanceof YSeq seq) {
      return seq;
    }
    problems.add(node, path(key), "must be a list, not " + node.kind());
    return null;
  }

  boolean flag(String key, boolean otherwise) {
    Boolean value = value(key, false, Values::bool);
    return value == null ? otherwise : value;
  }

  /** The value node under a key known to be present, for locating problems about it. */
  YNode located(String key) {
    YMap.Entry entry = map.entries().get(key);
    return entry == null ? map : entry.value();
  }

  Problems problems() {
    return problems;
  }
}
