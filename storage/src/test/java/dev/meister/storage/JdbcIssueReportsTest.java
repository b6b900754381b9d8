package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueReport;
import dev.meister.core.handoff.OpenIssue;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The V16 queue of {@code /issue new} reports, and how a filed one is tracked. */
class JdbcIssueReportsTest extends StorageTestBase {
  private static final RotationId OPS = RotationId.of("buildmeister");
  private static final ChatRef CHAT = new ChatRef(Platform.TELEGRAM, "-100111", "7");
  private static final MessageRef COMMAND = new MessageRef(CHAT, "in1");
  private static final IssueRef ISSUE =
      new IssueRef("acme/issues", 9110, "https://github.com/acme/issues/issues/9110");

  @Test
  void a_queued_report_is_due_with_everything_it_was_asked_with_after_a_restart() {
    long id = enqueue();

    reopen();

    assertThat(storage.issueReports().due(NOW, 10))
        .containsExactly(
            new IssueReport(
                id, OPS, "Invoices are late", Optional.of("P3"), MemberId.of("bob"), COMMAND, 0));
    assertThat(storage.issueReports().nextAttempt()).contains(NOW);
  }

  @Test
  void a_listener_hears_of_a_queued_report_only_once_its_transaction_has_committed() {
    java.util.List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Subscription s = storage.issueReports().onQueued(heard::add)) {
      long[] inside = new long[1];
      storage
          .database()
          .inTransaction(
              () -> {
                inside[0] = enqueue();
                assertThat(heard).as("not before the commit").isEmpty();
              });

      assertThat(heard).containsExactly(inside[0]);
    }
  }

  @Test
  void a_deferred_report_waits_and_a_failed_one_is_never_due_again() {
    long deferred = enqueue();
    long failed = enqueue();

    storage.issueReports().retryLater(deferred, NOW.plusSeconds(60), "502");
    storage.issueReports().failed(failed, "403", NOW);

    assertThat(storage.issueReports().due(NOW, 10)).isEmpty();
    assertThat(storage.issueReports().due(NOW.plusSeconds(60), 10))
        .extracting(IssueReport::attempts)
        .containsExactly(1);
    assertThat(storage.issueReports().nextAttempt()).contains(NOW.plusSeconds(60));
  }

  @Test
  void a_filed_report_is_open_work_of_its_rotation_and_found_by_its_delivered_answer() {
    long id = enqueue();
    long answer =
        storage
            .outbox()
            .enqueue(PendingMessage.reply(COMMAND, OutgoingMessage.plain("Filed #9110"), null));

    storage.issueReports().filed(id, ISSUE, answer, NOW);
    storage.outbox().delivered(answer, new MessageRef(CHAT, "out9"), NOW);

    assertThat(storage.issueReports().due(NOW, 10)).isEmpty();
    assertThat(storage.openWork().issues(OPS, 10))
        .extracting(OpenIssue::ref)
        .extracting(IssueRef::number)
        .containsExactly(9110);
    assertThat(storage.issueReports().filedIssueAnsweredBy(new MessageRef(CHAT, "out9")))
        .contains(ISSUE);
    assertThat(storage.issueReports().filedIssueAnsweredBy(COMMAND)).isEmpty();
  }

  private long enqueue() {
    return storage
        .issueReports()
        .enqueue(OPS, "Invoices are late", Optional.of("P3"), MemberId.of("bob"), COMMAND, NOW);
  }
}
