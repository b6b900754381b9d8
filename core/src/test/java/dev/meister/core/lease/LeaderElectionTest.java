package dev.meister.core.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** The election over an in-memory lease row, with the monotonic clock moved by hand. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class LeaderElectionTest {
  private static final Duration TTL = Duration.ofSeconds(10);

  /** One lease row, its expiry on the same hand-moved clock. */
  private final class Row implements LeaseStore {
    @Nullable String holder;
    long token;
    long expires;
    boolean down;

    @Override
    public Optional<Lease> take(String who, Optional<Lease> held, Duration ttl) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      boolean renewal = who.equals(holder) && held.map(Lease::token).orElse(-1L) == token;
      if (!renewal
          && holder != null
          && expires > nanos
          && !(who.equals(holder) && held.isEmpty())) {
        return Optional.empty();
      }
      if (!renewal) {
        token++;
      }
      holder = who;
      expires = nanos + ttl.toNanos();
      return Optional.of(new Lease(who, token));
    }

    @Override
    public void release(Lease lease) {
      if (lease.holder().equals(holder) && lease.token() == token) {
        expires = 0;
      }
    }

    @Override
    public Optional<String> holder() {
      return holder != null && expires > nanos ? Optional.of(holder) : Optional.empty();
    }
  }

  private final List<String> events = new ArrayList<>();
  private final Row row = new Row();
  private long nanos = 1_000;

  private LeaderElection election(String holder) {
    return new LeaderElection(
        row,
        holder,
        TTL,
        new LeaderElection.Listener() {
          @Override
          public void elected(Lease lease) {
            events.add(holder + " elected " + lease.token());
          }

          @Override
          public void deposed(String why) {
            events.add(holder + " deposed: " + why);
          }
        },
        () -> nanos);
  }

  private void pass(Duration d) {
    nanos += d.toNanos();
  }

  @Test
  void the_first_instance_leads_the_second_follows_and_takes_over_once_the_lease_runs_out() {
    LeaderElection a = election("a");
    LeaderElection b = election("b");

    a.tick();
    b.tick();
    assertThat(a.current()).contains(new Lease("a", 1));
    assertThat(b.current()).isEmpty();
    assertThat(b.leader()).contains("a");

    // a dies: no more renewals. b tries every 2 s and gets the lease once it ran out.
    for (int i = 0; i < 5; i++) {
      pass(b.interval());
      b.tick();
    }
    assertThat(b.current()).as("10 s after a's last renewal").contains(new Lease("b", 2));
    assertThat(events).containsExactly("a elected 1", "b elected 2");
  }

  @Test
  void a_leader_renewing_in_time_keeps_the_lead_and_its_token() {
    LeaderElection a = election("a");
    LeaderElection b = election("b");
    a.tick();
    for (int i = 0; i < 20; i++) {
      pass(a.interval());
      a.tick();
      b.tick();
    }
    assertThat(a.current()).contains(new Lease("a", 1));
    assertThat(b.current()).isEmpty();
    assertThat(events).containsExactly("a elected 1");
  }

  @Test
  void a_paused_leader_stops_counting_itself_leader_before_anyone_may_take_over() {
    LeaderElection a = election("a");
    a.tick();

    pass(Duration.ofSeconds(8)); // 80% of the lease since the renewal was asked for
    assertThat(a.current()).as("no longer sure, though the row is still a's").isEmpty();
    assertThat(row.holder()).contains("a");
  }

  @Test
  void a_leader_that_comes_back_after_a_takeover_is_deposed_at_its_next_try() {
    LeaderElection a = election("a");
    LeaderElection b = election("b");
    a.tick();
    pass(Duration.ofSeconds(11)); // a was paused
    b.tick();

    a.tick();
    assertThat(a.current()).isEmpty();
    assertThat(events)
        .containsExactly(
            "a elected 1", "b elected 2", "a deposed: another instance holds the lease now: b");
  }

  @Test
  void a_database_outage_costs_the_lead_only_once_the_local_validity_has_run_out() {
    LeaderElection a = election("a");
    a.tick();
    row.down = true;

    pass(Duration.ofSeconds(4));
    a.tick();
    assertThat(a.current()).as("still within 8 s of the last renewal").isPresent();
    pass(Duration.ofSeconds(5));
    a.tick();
    assertThat(a.current()).isEmpty();
    assertThat(events).last().asString().startsWith("a deposed: the lease could not be renewed");
  }

  @Test
  void closing_releases_the_lease_so_a_follower_takes_over_at_once() {
    LeaderElection a = election("a");
    LeaderElection b = election("b");
    a.tick();
    a.close();

    b.tick();
    assertThat(b.current()).contains(new Lease("b", 2));
  }

  @Test
  void a_failure_to_start_as_leader_gives_the_lease_back() {
    LeaderElection a =
        new LeaderElection(
            row,
            "a",
            TTL,
            new LeaderElection.Listener() {
              @Override
              public void elected(Lease lease) {
                throw new IllegalStateException("port in use");
              }

              @Override
              public void deposed(String why) {
                events.add("a deposed: " + why);
              }
            },
            () -> nanos);
    a.tick();

    assertThat(a.current()).isEmpty();
    assertThat(row.holder()).isEmpty();
    assertThat(events).containsExactly("a deposed: starting as the leader failed: port in use");
  }
}
