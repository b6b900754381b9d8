package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.util.List;
import java.util.Optional;

/** Port: which alerts belong to which issues. */
public interface IssueLinkStore {
  void link(IssueLink link);

  Optional<IssueLink> issueFor(AlertId alert);

  List<IssueLink> alertsFor(IssueRef issue);
}
