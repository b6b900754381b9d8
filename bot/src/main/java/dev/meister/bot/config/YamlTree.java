package dev.meister.bot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YNode}s that remember their lines. Jackson's own tree model drops
 * locations, so the tree is built from the streaming parser's tokens.
 */
final class YamlTree {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  private YamlTree() {}

  /** The document's root, or {@code null} if it is empty or malformed (then a problem is added). */
  static @Nullable YNode read(String text, Problems problems) {
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        return null;
      }
      return node(parser, line(parser), "", problems);
    } catch (JsonProcessingException e) {
      syntaxError(e, problems);
      return null;
    } catch (IOException e) {
      problems.add(1, "(file)", "cannot read YAML: " + e.getClass().getSimpleName());
      return null;
    }
  }

  private static YNode node(JsonParser parser, int line, String path, Problems problems)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, YMap.Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = line(parser);
        parser.nextToken();
        String keyPath = Problems.child(path, key);
        boolean container = parser.currentToken().isStructStart();
        YNode value = node(parser, container ? keyLine : line(parser), keyPath, problems);
        if (entries.containsKey(key)) {
          problems.add(keyLine, keyPath, "duplicate key '" + key + "'");
        } else {
          entries.put(key, new YMap.Entry(keyLine, value));
        }
      }
      return new YMap(line, entries);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(parser, line(parser), path + "[" + items.size() + "]", problems));
      }
      return new YSeq(line, items);
    }
    return new YScalar(line, token == JsonToken.VALUE_NULL ? null : parser.getText());
  }

  private static int line(JsonParser parser) {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }

  /**
   * Reports a syntax error by SnakeYAML's problem text and mark only: Jackson's message quotes the
   * offending line, which could hold a secret.
   */
  private static void syntaxError(JsonProcessingException e, Problems problems) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException yaml) {
      int line = yaml.getProblemMark() == null ? 1 : yaml.getProblemMark().getLine() + 1;
      String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
      String context = "";
      if (yaml.getContext() != null) {
        context =
            " ("
                + yaml.getContext()
                + (yaml.getContextMark() == null
                    ? ""
                    : " started on line " + (yaml.getContextMark().getLine() + 1))
                + ")";
      }
      problems.add(line, "(yaml)", "syntax error: " + problem + context);
      return;
    }
    int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    problems.add(line, "(yaml)", "syntax error: " + firstLine(e.getOriginalMessage()));
  }

  private static String firstLine(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "malformed YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
