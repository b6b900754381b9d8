package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.Lease;
import dev.meister.core.lease.NotLeaderException;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The leader's transactions commit only under the lease the database holds now. */
class FencedTransactionsTest extends StorageTestBase {
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100046");

  private void queue(Transactions tx, String text) {
    tx.inTransaction(
        () ->
            storage.outbox().enqueue(PendingMessage.post(CHAT, OutgoingMessage.plain(text), null)));
  }

  @Test
  void the_holder_of_the_lease_commits_and_a_deposed_one_is_refused_with_nothing_written() {
    Lease a = storage.leases().take("a", Optional.empty(), TTL).orElseThrow();
    Transactions asA = storage.fencedBy(() -> Optional.of(a));

    queue(asA, "while a leads");
    assertThat(storage.outbox().pendingCount()).isEqualTo(1);

    storage.leases().release(a);
    Lease b = storage.leases().take("b", Optional.empty(), TTL).orElseThrow();
    assertThatThrownBy(() -> queue(asA, "after b took over"))
        .isInstanceOf(NotLeaderException.class)
        .hasMessageContaining("token " + a.token());
    assertThat(storage.outbox().pendingCount()).as("rolled back").isEqualTo(1);

    queue(storage.fencedBy(() -> Optional.of(b)), "while b leads");
    assertThat(storage.outbox().pendingCount()).isEqualTo(2);
  }

  @Test
  void an_instance_unsure_it_leads_is_refused_and_the_only_instance_is_never_fenced() {
    assertThat(storage.leases().take("b", Optional.empty(), TTL)).isPresent();

    assertThatThrownBy(() -> queue(storage.fencedBy(Optional::empty), "a follower"))
        .isInstanceOf(NotLeaderException.class);
    assertThat(storage.outbox().pendingCount()).isZero();

    // SQLite alone on its file holds no lease at all; b's row above does not matter to it.
    queue(storage.fencedBy(Leadership.ALONE), "alone");
    assertThat(storage.outbox().pendingCount()).isEqualTo(1);
  }

  @Test
  void work_nested_in_an_open_transaction_is_checked_inside_it() {
    Lease a = storage.leases().take("a", Optional.empty(), TTL).orElseThrow();
    Transactions asA = storage.fencedBy(() -> Optional.of(a));

    assertThatThrownBy(
            () ->
                storage
                    .database()
                    .inTransaction(
                        () -> {
                          storage
                              .outbox()
                              .enqueue(
                                  PendingMessage.post(CHAT, OutgoingMessage.plain("outer"), null));
                          storage.leases().release(a);
                          queue(asA, "inner");
                          return Boolean.TRUE;
                        }))
        .isInstanceOf(NotLeaderException.class);
    assertThat(storage.outbox().pendingCount()).as("the whole transaction rolled back").isZero();
  }
}
