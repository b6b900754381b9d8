package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A shell-style wildcard pattern, matched case-insensitively against the whole text: {@code *} is
 * any run of characters, {@code ?} one character, {@code [abc]} one of a set ({@code [!abc]} none
 * of it, {@code [a-z]} a range).
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern) {
    this.pattern = Checks.notBlank(pattern, "glob");
    try {
      this.regex =
          Pattern.compile(toRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "glob '" + pattern + "' is not valid: " + e.getDescription(), e);
    }
  }

  public static Glob of(String pattern) {
    return new Glob(pattern);
  }

  public boolean matches(String text) {
    return regex.matcher(text).matches();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Glob g && g.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int close = closingBracket(glob, i);
        if (close < 0) {
          re.append(Pattern.quote("["));
        } else {
          re.append(characterClass(glob.substring(i + 1, close)));
          i = close;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return re.toString();
  }

  /** The index of the {@code ]} closing the set opened at {@code open}, or -1 if there is none. */
  private static int closingBracket(String glob, int open) {
    int i = open + 1;
    if (i < glob.length() && glob.charAt(i) == '!') {
      i++;
    }
    // A ']' right after '[' or '[!' is a member of the set, as in the shell.
    if (i < glob.length() && glob.charAt(i) == ']') {
      i++;
    }
    return glob.indexOf(']', i);
  }

  private static String characterClass(String body) {
    StringBuilder re = new StringBuilder("[");
    int start = 0;
    if (body.startsWith("!")) {
      re.append('^');
      start = 1;
    }
    for (int i = start; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean range = c == '-' && i > start && i < body.length() - 1;
      if (range || Character.isLetterOrDigit(c)) {
        re.append(c);
      } else {
        // Any other character is escaped: '\\' before a non-letter is always a literal in a regex.
        re.append('\\').append(c);
      }
    }
    return re.append(']').toString();
  }
}
