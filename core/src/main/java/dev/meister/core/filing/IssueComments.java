package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The comments Meister adds to an open issue when a later run fails the same way. */
final class IssueComments {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private IssueComments() {}

  /**
   * "Same failure in run URL (date UTC, branch `b`)", the alert, and the run's failing tests of
   * that root cause: seed 002 wants the failing run's URL and "all the tests with FAILED status".
   */
  static String sameFailure(Alert alert, FailureGroup group) {
    StringBuilder c = new StringBuilder("Same failure in run ");
    c.append(alert.origin().pageUrl().orElse("(no link)"));
    c.append(" (").append(alert.receivedAt().atZone(ZoneOffset.UTC).format(WHEN)).append(" UTC");
    alert
        .gitHubRun()
        .flatMap(GitHubRun::branch)
        .ifPresent(b -> c.append(", branch `").append(b).append('`'));
    c.append(")\n\n")
        .append(alert.title())
        .append(" — Meister alert #")
        .append(alert.storedId())
        .append('\n');
    for (String t : group.tests()) {
      c.append("- `").append(t).append("`\n");
    }
    return c.toString();
  }

  /** "Failed again DATE UTC: URL (branch `b`)", for an issue joined as a whole. */
  static String failedAgain(Alert alert, Failures failures) {
    StringBuilder c = new StringBuilder("Failed again ");
    c.append(alert.receivedAt().atZone(ZoneOffset.UTC).format(WHEN)).append(" UTC");
    alert.origin().pageUrl().ifPresent(url -> c.append(": ").append(url));
    alert
        .gitHubRun()
        .flatMap(GitHubRun::branch)
        .ifPresent(b -> c.append(" (branch `").append(b).append("`)"));
    c.append("\n\n")
        .append(alert.title())
        .append(" — Meister alert #")
        .append(alert.storedId())
        .append('\n');
    for (String t : failures.tests()) {
      c.append("- `").append(t).append("`\n");
    }
    return c.toString();
  }
}
