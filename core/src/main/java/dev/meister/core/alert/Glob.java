package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shell-style wildcard pattern, matched case-insensitively against the whole text: {@code *} is
 * any run of characters, {@code ?} one character, {@code [abc]} one of a set ({@code [!abc]} none
 * of it, {@code [a-z]} a range).
 */
public final class Glob {
  private final String pattern;
  private final List<Token> tokens;

  private Glob(String pattern) {
    this.pattern = Checks.notBlank(pattern, "glob");
    this.tokens = parse(pattern);
  }

  public static Glob of(String pattern) {
    return new Glob(pattern);
  }

  /**
   * Whether the whole text matches, in time proportional to the text times the pattern: a glob is
   * typed in chat ({@code /silence}) and matched against every alert, so it must not backtrack like
   * the regular expression it once was ({@code *a*a*a*a*b} took exponential time, and Jazzer
   * flagged the pattern built from chat input).
   */
  public boolean matches(String text) {
    int[] t = text.codePoints().toArray();
    int p = 0;
    int i = 0;
    int star = -1;
    int resume = 0;
    while (i < t.length) {
      if (p < tokens.size() && tokens.get(p) instanceof Star) {
        star = p++;
        resume = i;
      } else if (p < tokens.size() && tokens.get(p).matches(t[i])) {
        p++;
        i++;
      } else if (star >= 0) {
        // Let the last star take one more character and try again from there.
        p = star + 1;
        i = ++resume;
      } else {
        return false;
      }
    }
    while (p < tokens.size() && tokens.get(p) instanceof Star) {
      p++;
    }
    return p == tokens.size();
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

  /** One position of the pattern: a run of anything, or a test of one character. */
  private sealed interface Token permits Star, Any, Literal, CharSet {
    boolean matches(int c);
  }

  private record Star() implements Token {
    @Override
    public boolean matches(int c) {
      return true;
    }
  }

  private record Any() implements Token {
    @Override
    public boolean matches(int c) {
      return true;
    }
  }

  private record Literal(int c) implements Token {
    @Override
    public boolean matches(int other) {
      return sameIgnoringCase(c, other);
    }
  }

  /** {@code [abc]}, {@code [a-z]}, negated with {@code [!...]}; ranges as pairs of code points. */
  private static final class CharSet implements Token {
    private final boolean negated;
    private final int[] ranges;

    CharSet(boolean negated, int[] ranges) {
      this.negated = negated;
      this.ranges = ranges.clone();
    }

    @Override
    public boolean matches(int c) {
      boolean member = in(c) || in(Character.toUpperCase(c)) || in(Character.toLowerCase(c));
      return member != negated;
    }

    private boolean in(int c) {
      for (int r = 0; r < ranges.length; r += 2) {
        if (c >= ranges[r] && c <= ranges[r + 1]) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean sameIgnoringCase(int a, int b) {
    return a == b
        || Character.toUpperCase(a) == Character.toUpperCase(b)
        || Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  private List<Token> parse(String glob) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < glob.length()) {
      int c = glob.codePointAt(i);
      if (c == '*') {
        if (out.isEmpty() || !(out.get(out.size() - 1) instanceof Star)) {
          out.add(new Star());
        }
      } else if (c == '?') {
        out.add(new Any());
      } else if (c == '[' && closingBracket(glob, i) >= 0) {
        int close = closingBracket(glob, i);
        out.add(charSet(glob.substring(i + 1, close)));
        i = close;
      } else {
        out.add(new Literal(c));
      }
      i += Character.charCount(glob.codePointAt(i));
    }
    return List.copyOf(out);
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

  private CharSet charSet(String body) {
    boolean negated = body.startsWith("!");
    int[] cps = (negated ? body.substring(1) : body).codePoints().toArray();
    List<Integer> ranges = new ArrayList<>();
    for (int i = 0; i < cps.length; i++) {
      // A '-' between two members makes a range; first or last it is a member itself.
      if (i + 2 < cps.length && cps[i + 1] == '-') {
        if (cps[i] > cps[i + 2]) {
          throw new IllegalArgumentException(
              "glob '" + pattern + "' is not valid: Illegal character range");
        }
        ranges.add(cps[i]);
        ranges.add(cps[i + 2]);
        i += 2;
      } else {
        ranges.add(cps[i]);
        ranges.add(cps[i]);
      }
    }
    return new CharSet(negated, ranges.stream().mapToInt(Integer::intValue).toArray());
  }
}
