package dev.meister.core.filing;

import dev.meister.core.alert.SimilarIssues;
import java.util.Optional;

/** Port: the issues Meister filed. */
public interface FiledIssueStore {
  void record(FiledIssue issue);

  /** The newest open issue filed for {@code fingerprint}. */
  Optional<FiledIssue> openFor(String fingerprint);

  Optional<FiledIssue> find(String repo, int number);

  void closed(IssueRef issue);

  /** These issues as alerts ask for them: the open one for a root cause. */
  default SimilarIssues similarIssues() {
    return fingerprint ->
        openFor(fingerprint)
            .map(f -> new SimilarIssues.SimilarIssue(f.ref().number(), f.ref().url(), f.title()));
  }
}
