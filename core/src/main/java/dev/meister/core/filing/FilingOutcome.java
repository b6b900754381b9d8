package dev.meister.core.filing;

import java.util.List;

/**
 * What GitHub did for one request.
 *
 * @param filed true for a new issue, false when the alert joined an existing one
 * @param title the issue's title
 * @param notes what did not quite work (an assignee GitHub refused, a sub-issue link), for the
 *     reply
 */
record FilingOutcome(IssueRef issue, boolean filed, String title, List<String> notes) {
  FilingOutcome {
    notes = List.copyOf(notes);
  }
}
