package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.util.List;
import java.util.Optional;

/** Port: which alerts belong to which issues. */
public interface IssueLinkStore {
  void link(IssueLink link);

  /** The issue the alert is about: the newest it was linked to. */
  Optional<IssueLink> issueFor(AlertId alert);

  /** Every issue the alert was linked to, newest first: one per root cause of its run. */
  List<IssueLink> issuesFor(AlertId alert);

  List<IssueLink> alertsFor(IssueRef issue);
}
