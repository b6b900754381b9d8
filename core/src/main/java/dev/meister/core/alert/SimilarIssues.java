package dev.meister.core.alert;

import java.util.Optional;

/**
 * Port: the open issue already filed for a root cause, so an alert can say "looks like #N" and
 * offer "Same as #N". Filing implements it; alerts need not know how issues are stored.
 */
public interface SimilarIssues {
  /** The newest open issue filed for {@code fingerprint}. */
  Optional<SimilarIssue> openFor(String fingerprint);

  /** An open issue as an alert shows it. */
  record SimilarIssue(int number, String url, String title) {}
}
