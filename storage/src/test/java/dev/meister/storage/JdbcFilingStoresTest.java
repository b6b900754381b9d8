package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.filing.FiledIssue;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueRequest;
import dev.meister.core.filing.IssueRequestKind;
import dev.meister.core.filing.Resolution;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcFilingStoresTest extends StorageTestBase {
  private static final MessageRef UNDER =
      new MessageRef(new ChatRef(Platform.TELEGRAM, "-100123", "42"), "777");

  @Test
  void an_issue_request_survives_a_restart_and_waits_when_deferred() {
    AlertId alert = storage.alerts().record(alert("r")).id();
    long id =
        storage
            .issueRequests()
            .enqueue(IssueRequestKind.JOIN, alert, 9110, UNDER, "bob", Optional.empty(), NOW);

    reopen();

    assertThat(storage.issueRequests().due(NOW, 10))
        .containsExactly(
            new IssueRequest(id, IssueRequestKind.JOIN, alert, 9110, UNDER, "bob", null, null, 0));
    assertThat(storage.issueRequests().pendingFor(alert)).isTrue();
    storage.issueRequests().retryLater(id, NOW.plusSeconds(60), "502");
    assertThat(storage.issueRequests().due(NOW.plusSeconds(59), 10)).isEmpty();
    assertThat(storage.issueRequests().due(NOW.plusSeconds(60), 10))
        .singleElement()
        .satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
    storage.issueRequests().done(id, NOW);
    assertThat(storage.issueRequests().due(NOW.plusSeconds(60), 10)).isEmpty();
    assertThat(storage.issueRequests().pendingFor(alert)).isFalse();
  }

  // Issue #12: "`/issue P4` (reply to an alert) chooses one explicitly" — kept until filed.
  @Test
  void a_chosen_priority_survives_a_restart_with_its_request() {
    AlertId alert = storage.alerts().record(alert("p")).id();
    storage
        .issueRequests()
        .enqueue(IssueRequestKind.FILE, alert, null, UNDER, "bob", Optional.of("P4"), NOW);

    reopen();

    assertThat(storage.issueRequests().due(NOW, 10))
        .singleElement()
        .satisfies(r -> assertThat(r.chosenPriority()).contains("P4"));
  }

  @Test
  void the_open_issue_of_a_fingerprint_is_the_newest_not_closed_one() {
    IssueRef old = new IssueRef("acme/x", 1, "https://github.com/acme/x/issues/1");
    IssueRef newer = new IssueRef("acme/x", 2, "https://github.com/acme/x/issues/2");
    storage.filedIssues().record(new FiledIssue(old, 11, "one", "fp", NOW, true, "P2"));
    storage
        .filedIssues()
        .record(new FiledIssue(newer, 12, "two", "fp", NOW.plusSeconds(1), true, null));

    assertThat(storage.filedIssues().openFor("fp")).map(FiledIssue::ref).contains(newer);
    storage.filedIssues().closed(newer);
    assertThat(storage.filedIssues().openFor("fp")).map(FiledIssue::ref).contains(old);
    assertThat(storage.filedIssues().openFor("other")).isEmpty();
    assertThat(storage.filedIssues().find("acme/x", 2).orElseThrow().open()).isFalse();
    assertThat(storage.filedIssues().find("acme/x", 1).orElseThrow().priority()).isEqualTo("P2");
    assertThat(storage.filedIssues().find("acme/x", 2).orElseThrow().priority()).isNull();
  }

  @Test
  void a_later_resolution_replaces_the_earlier_and_fingerprints_can_be_refined() {
    AlertId alert = storage.alerts().record(alert("z")).id();
    storage.resolutions().resolve(new Resolution(alert, "Flaky test", "Rerun", "bob", NOW));
    storage
        .resolutions()
        .resolve(new Resolution(alert, "Underlying data changed", "Problem solved", "alice", NOW));
    storage.alerts().refine(alert, "gh:cryptokaizen/cmamp:fast_tests.yml:tests:abc");

    reopen();

    assertThat(storage.resolutions().resolutionOf(alert).orElseThrow().reason())
        .isEqualTo("Underlying data changed");
    assertThat(storage.alerts().find(alert).orElseThrow().fingerprint()).endsWith(":tests:abc");
    assertThat(storage.greenNotices().notice(alert, "github:ok", NOW)).isTrue();
    assertThat(storage.greenNotices().notice(alert, "github:ok2", NOW)).isFalse();
    assertThat(List.of(alert)).hasSize(1);
  }
}
