package dev.meister.core.filing;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {placeholder}}s, such as an issue title {@code Build fail - {repo} {test_type}
 * ({run_number})}. Placeholders are checked when the template is made, so a misspelt one is a
 * configuration error rather than a strange issue title months later.
 */
public final class IssueTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final String text;

  private IssueTemplate(String text) {
    this.text = text;
  }

  /**
   * Parses a title template, checking its placeholders against {@code known}.
   *
   * @throws IllegalArgumentException naming the unknown placeholders and the known ones
   */
  public static IssueTemplate parse(String text, Set<String> known) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("a template may not be blank");
    }
    Set<String> unknown = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!known.contains(m.group(1))) {
        unknown.add("{" + m.group(1) + "}");
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown placeholder"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown)
              + "; known: {"
              + String.join("}, {", new TreeSet<>(known))
              + "}");
    }
    return new IssueTemplate(text);
  }

  /** The text with each placeholder replaced by its value; a missing value becomes {@code ?}. */
  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null || value.isBlank() ? "?" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
