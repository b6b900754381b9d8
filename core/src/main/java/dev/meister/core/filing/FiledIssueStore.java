package dev.meister.core.filing;

import java.util.Optional;

/** Port: the issues Meister filed. */
public interface FiledIssueStore {
  void record(FiledIssue issue);

  /** The newest open issue filed for {@code fingerprint}. */
  Optional<FiledIssue> openFor(String fingerprint);

  Optional<FiledIssue> find(String repo, int number);

  void closed(IssueRef issue);
}
