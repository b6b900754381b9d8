package dev.meister.core.handoff;

import dev.meister.core.validation.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rotation's epic issue on GitHub, e.g. {@code cryptokaizen/cmamp#8785}. */
public record EpicRef(String owner, String repo, int number) {
  private static final Pattern FORM = Pattern.compile("([\\w.-]+)/([\\w.-]+)#(\\d{1,9})");

  public EpicRef {
    Checks.notBlank(owner, "owner");
    Checks.notBlank(repo, "repo");
    Checks.check(number > 0, "epic number must be positive");
  }

  /**
   * Reads {@code owner/repo#number}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static EpicRef parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an issue like owner/repo#123");
    }
    return new EpicRef(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  @Override
  public String toString() {
    return owner + "/" + repo + "#" + number;
  }
}
