package dev.meister.core.filing;

import dev.meister.core.validation.Checks;

/** An issue in a tracker, e.g. {@code cryptokaizen/cmamp#9110}. */
public record IssueRef(String repo, int number, String url) {
  public IssueRef {
    Checks.notBlank(repo, "repo");
    Checks.check(number > 0, "issue number must be positive");
  }

  @Override
  public String toString() {
    return repo + "#" + number;
  }
}
