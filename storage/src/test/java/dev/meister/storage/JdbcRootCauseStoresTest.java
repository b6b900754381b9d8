package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.CodeArea;
import dev.meister.core.filing.ErrorSignature;
import dev.meister.core.filing.FiledIssue;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.RootCause;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed 002: "If the failures are not connected to each other, file separate issues for each of the
 * potential root cause": an issue remembers its root cause, and a run links to each of its.
 */
class JdbcRootCauseStoresTest extends StorageTestBase {
  private static final IssueRef VENDORS =
      new IssueRef("acme/x", 12, "https://github.com/acme/x/issues/12");
  private static final IssueRef HELPERS =
      new IssueRef("acme/x", 15, "https://github.com/acme/x/issues/15");

  @Test
  void a_filed_issue_keeps_the_root_cause_it_was_filed_for_across_a_restart() {
    RootCause cause =
        new RootCause(
            new CodeArea("knowledge_graph/vendors"),
            new ErrorSignature("KeyError: \"['legacy_id'] not found in axis\""));
    storage
        .filedIssues()
        .record(new FiledIssue(VENDORS, 1, "t", "fp-g", NOW, true, null, Optional.of(cause)));

    reopen();

    assertThat(storage.filedIssues().openFor("fp-g").orElseThrow().rootCause()).contains(cause);
  }

  @Test
  void an_issue_filed_for_a_whole_run_has_no_root_cause_and_is_still_found() {
    storage.filedIssues().record(new FiledIssue(VENDORS, 1, "t", "fp-run", NOW, true, "P2"));

    assertThat(storage.filedIssues().openFor("fp-run").orElseThrow().rootCause()).isEmpty();
  }

  @Test
  void a_run_is_linked_to_the_issue_of_each_of_its_root_causes() {
    AlertId run = storage.alerts().record(alert("g1")).id();
    storage.issueLinks().link(new IssueLink(run, VENDORS, NOW, true));
    storage.issueLinks().link(new IssueLink(run, HELPERS, NOW, false));

    assertThat(storage.issueLinks().issuesFor(run))
        .extracting(IssueLink::issue)
        .containsExactly(VENDORS, HELPERS);
    assertThat(storage.issueLinks().issueFor(run)).map(IssueLink::issue).contains(VENDORS);
    assertThat(storage.issueLinks().alertsFor(HELPERS))
        .extracting(IssueLink::alert)
        .containsExactly(run);
  }
}
