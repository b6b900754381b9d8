package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.filing.Resolution;
import dev.meister.core.retention.Retention;
import dev.meister.core.status.StatusPost;
import dev.meister.core.team.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Retention over the real stores, on both databases, with the fixed clock of {@link
 * StorageTestBase}: {@code NOW} is when retention runs, rows are aged by the times the stores are
 * given.
 */
class JdbcRetentionTest extends StorageTestBase {
  private static final Duration KEEP = Duration.ofDays(30);
  private static final Instant OLD = NOW.minus(Duration.ofDays(31));
  private static final Instant RECENT = NOW.minus(Duration.ofDays(29));
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100001");

  private long queued(String text) {
    return storage.outbox().enqueue(PendingMessage.post(CHAT, OutgoingMessage.plain(text), null));
  }

  private long delivered(String text, Instant at) {
    long id = queued(text);
    storage.outbox().delivered(id, new MessageRef(CHAT, "m-" + id), at);
    return id;
  }

  private Retention retention() {
    return new Retention(storage.retention(), KEEP);
  }

  @Test
  void delivered_messages_older_than_the_retention_go_and_newer_ones_stay() {
    long old = delivered("old", OLD);
    long recent = delivered("recent", RECENT);

    retention().runDue(NOW);

    assertThat(outboxIds()).doesNotContain(old).contains(recent);
  }

  @Test
  void pending_and_failed_messages_stay_whatever_their_age() {
    long pending = queued("waiting since long ago");
    long retried = queued("retried");
    storage.outbox().retryLater(retried, NOW.plusSeconds(60), "502");
    long failed = queued("refused");
    storage.outbox().failed(failed, "chat not found", OLD);

    retention().runDue(NOW.plus(Duration.ofDays(365)));

    assertThat(outboxIds()).contains(pending, retried, failed);
    assertThat(storage.outbox().pendingCount()).isEqualTo(2);
  }

  @Test
  void alerts_acknowledgements_resolutions_and_the_alerts_messages_links_stay() {
    AlertId alert = storage.alerts().record(alert("kept")).id();
    long post =
        storage.outbox().enqueue(PendingMessage.post(CHAT, OutgoingMessage.plain("alert"), alert));
    storage.outbox().delivered(post, new MessageRef(CHAT, "900"), OLD);
    storage
        .alerts()
        .acknowledge(new Acknowledgement(alert, MemberId.of("bob"), OLD, AckChannel.BUTTON));
    storage.resolutions().resolve(new Resolution(alert, "flaky test", "rerun", "bob", OLD));

    retention().runDue(NOW);

    assertThat(outboxIds()).doesNotContain(post);
    assertThat(storage.alerts().find(alert)).isPresent();
    assertThat(storage.alerts().acknowledgement(alert)).isPresent();
    assertThat(storage.resolutions().resolutionOf(alert)).isPresent();
    // The chat message an ack reply finds its alert by outlives the outbox row that sent it.
    assertThat(storage.messageLinks().alertFor(new MessageRef(CHAT, "900"))).contains(alert);
  }

  @Test
  void an_old_status_post_goes_with_its_message_but_a_recent_post_keeps_its_old_message() {
    long oldMessage = delivered("dagao: done", OLD);
    long keptMessage = delivered("dagao: started long ago", OLD);
    storage
        .statusPosts()
        .create(
            new StatusPost(
                "dagao",
                LocalDate.of(2026, 10, 1),
                CHAT,
                oldMessage,
                null,
                "done",
                OLD,
                OLD,
                true));
    storage
        .statusPosts()
        .create(
            new StatusPost(
                "dagao",
                LocalDate.of(2026, 11, 1),
                CHAT,
                keptMessage,
                null,
                "running",
                RECENT,
                RECENT,
                false));

    retention().runDue(NOW);

    assertThat(storage.statusPosts().find("dagao", LocalDate.of(2026, 10, 1), CHAT)).isEmpty();
    assertThat(storage.statusPosts().find("dagao", LocalDate.of(2026, 11, 1), CHAT)).isPresent();
    assertThat(outboxIds()).doesNotContain(oldMessage).contains(keptMessage);
  }

  @Test
  void old_successful_runs_go_except_the_latest_of_each_build() {
    storage.runs().recordSuccess(green("g1", OLD.minus(Duration.ofDays(2)), "master"));
    storage.runs().recordSuccess(green("g2", OLD, "master"));
    storage.runs().recordSuccess(green("g3", OLD, "feature"));

    retention().runDue(NOW);

    assertThat(count("run_successes")).isEqualTo(2);
    assertThat(storage.runs().lastSuccess("octo/repo", ".github/workflows/ci.yml", "master"))
        .contains(OLD);
    assertThat(storage.runs().lastSuccess("octo/repo", ".github/workflows/ci.yml", "feature"))
        .contains(OLD);
  }

  @Test
  void a_large_backlog_is_pruned_in_batches_over_several_runs() {
    for (int i = 0; i < 7; i++) {
      delivered("old " + i, OLD);
    }
    long recent = delivered("recent", RECENT);
    Retention small = new Retention(storage.retention(), KEEP, Duration.ofHours(1), 3, 2);

    Optional<Instant> first = small.runDue(NOW);
    long afterFirst = count("outbox");
    Optional<Instant> second = small.runDue(NOW);

    assertThat(first).as("more is left: again at once").contains(NOW);
    assertThat(afterFirst).isEqualTo(2);
    assertThat(second).contains(NOW.plus(Duration.ofHours(1)));
    assertThat(outboxIds()).containsExactly(recent);
  }

  @Test
  void a_database_migrated_before_v22_arrived_gets_its_indexes_when_opened() throws Exception {
    storage.close();
    try (Connection c = connect(target);
        var st = c.createStatement()) {
      // What a database migrated by a build without V22 (but with V23..V27) looks like.
      st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '22'");
      for (String index :
          new String[] {
            "outbox_finished", "run_successes_occurred", "status_posts_outbox", "status_posts_stop"
          }) {
        st.executeUpdate("DROP INDEX " + index);
      }
    }

    storage = Storage.open(target, CLOCK);

    assertThat(count("flyway_schema_history WHERE version = '22' AND success = TRUE")).isEqualTo(1);
    long old = delivered("old", OLD);
    retention().runDue(NOW);
    assertThat(outboxIds()).doesNotContain(old);
  }

  private static RunEvent green(String delivery, Instant at, String branch) {
    return new RunEvent(
        "github:" + delivery,
        Outcome.SUCCEEDED,
        at,
        GitHubRun.builder("octo/repo")
            .workflowPath(".github/workflows/ci.yml")
            .branch(branch)
            .build());
  }

  private java.util.List<Long> outboxIds() {
    try (Connection c = connect(target);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      java.util.List<Long> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String table) {
    try (Connection c = connect(target);
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
