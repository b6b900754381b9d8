package dev.meister.core.filing;

import java.util.List;

/**
 * What a new run's logs show about issues already filed: the open issue of each root cause that has
 * one, and the labels of its root causes that are new.
 */
record SameIssues(List<SameIssue> same, List<String> fresh) {
  SameIssues {
    same = List.copyOf(same);
    fresh = List.copyOf(fresh);
  }

  static SameIssues none() {
    return new SameIssues(List.of(), List.of());
  }

  boolean isEmpty() {
    return same.isEmpty();
  }

  /** Whether issue {@code repo#number} is one of them. */
  boolean names(String repo, int number) {
    return same.stream()
        .anyMatch(s -> s.issue().ref().repo().equals(repo) && s.issue().ref().number() == number);
  }
}
