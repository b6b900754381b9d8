package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.Lease;
import dev.meister.core.lease.NotLeaderException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The leader lease row and the fencing of deliveries. Expiry is by the database's clock, so a test
 * makes a lease run out by moving its end into the past rather than by waiting.
 */
class JdbcLeaseStoreTest extends StorageTestBase {
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100045");

  private JdbcLeaseStore leases() {
    return storage.leases();
  }

  /** What a long pause of the holder amounts to: its lease ran out a minute ago. */
  private void expire() {
    storage
        .database()
        .execute(
            "expiring the lease",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE leader_lease SET expires_at = expires_at - 70000")) {
                ps.executeUpdate();
              }
            });
  }

  @Test
  void the_first_taker_leads_and_another_is_refused_until_the_lease_runs_out() {
    Optional<Lease> a = leases().take("a", Optional.empty(), TTL);
    Optional<Lease> b = leases().take("b", Optional.empty(), TTL);

    assertThat(a).contains(new Lease("a", 1));
    assertThat(b).isEmpty();
    assertThat(leases().holder()).contains("a");

    expire();
    assertThat(leases().holder()).as("nobody leads once it ran out").isEmpty();
    Optional<Lease> taken = leases().take("b", Optional.empty(), TTL);
    assertThat(taken).as("a takeover gets the next token").contains(new Lease("b", 2));
    assertThat(leases().take("a", a, TTL)).as("the old holder cannot renew").isEmpty();
    assertThat(leases().holder()).contains("b");
  }

  @Test
  void renewing_keeps_the_token_and_a_new_start_of_the_same_instance_gets_the_next() {
    Lease first = leases().take("a", Optional.empty(), TTL).orElseThrow();
    Lease renewed = leases().take("a", Optional.of(first), TTL).orElseThrow();
    Lease restarted = leases().take("a", Optional.empty(), TTL).orElseThrow();

    assertThat(renewed).isEqualTo(first);
    // The restart need not wait for its old lease; the old start's token is fenced off.
    assertThat(restarted.token()).isEqualTo(first.token() + 1);
    assertThat(leases().take("a", Optional.of(first), TTL))
        .as("the earlier start's lease is gone")
        .isEmpty();
  }

  @Test
  void a_renewal_after_running_out_keeps_the_lead_when_nobody_took_it() {
    Lease first = leases().take("a", Optional.empty(), TTL).orElseThrow();
    expire();

    assertThat(leases().take("a", Optional.of(first), TTL)).contains(first);
  }

  @Test
  void a_released_lease_is_free_at_once() {
    Lease a = leases().take("a", Optional.empty(), TTL).orElseThrow();
    leases().release(a);

    assertThat(leases().holder()).isEmpty();
    assertThat(leases().take("b", Optional.empty(), TTL)).contains(new Lease("b", 2));
    leases().release(a);
    assertThat(leases().holder()).as("releasing an old lease leaves the new one").contains("b");
  }

  @Test
  void a_delivery_is_recorded_only_under_the_current_lease() {
    Lease a = leases().take("a", Optional.empty(), TTL).orElseThrow();
    Lease[] acting = {a};
    storage.outbox().fenceWith(() -> Optional.of(acting[0]));
    long first =
        storage.outbox().enqueue(PendingMessage.post(CHAT, OutgoingMessage.plain("1"), null));
    long second =
        storage.outbox().enqueue(PendingMessage.post(CHAT, OutgoingMessage.plain("2"), null));

    storage.outbox().delivered(first, new MessageRef(CHAT, "m1"), NOW);
    assertThat(storage.outbox().pendingCount()).isEqualTo(1);

    // a is paused past its lease; b takes over; a wakes up and tries to record its send.
    expire();
    assertThat(leases().take("b", Optional.empty(), TTL)).isPresent();
    assertThatThrownBy(() -> storage.outbox().delivered(second, new MessageRef(CHAT, "m2"), NOW))
        .isInstanceOf(NotLeaderException.class);
    assertThat(storage.outbox().pendingCount())
        .as("still pending: the new leader sends it")
        .isEqualTo(1);
  }

  @Test
  void an_instance_not_leading_records_no_delivery_and_a_single_one_is_never_fenced() {
    long id = storage.outbox().enqueue(PendingMessage.post(CHAT, OutgoingMessage.plain("1"), null));
    storage.outbox().fenceWith(Optional::empty);

    assertThatThrownBy(() -> storage.outbox().delivered(id, new MessageRef(CHAT, "m1"), NOW))
        .isInstanceOf(NotLeaderException.class);

    storage.outbox().fenceWith(Leadership.ALONE);
    storage.outbox().delivered(id, new MessageRef(CHAT, "m1"), NOW);
    assertThat(storage.outbox().pendingCount()).isZero();
  }
}
