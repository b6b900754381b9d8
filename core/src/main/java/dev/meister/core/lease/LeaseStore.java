package dev.meister.core.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: the one lease row. Expiry is judged by the database's clock, so instances on hosts whose
 * clocks disagree still agree on when a lease has run out.
 */
public interface LeaseStore {
  /**
   * Renews {@code held} or, with none held, takes the lease when it is free, expired, or held by
   * {@code holder} itself from an earlier start (a restart need not wait for its own lease to run
   * out; its token still grows). The lease then runs until {@code ttl} after the database's now.
   *
   * @return the lease now held, or empty when another instance holds an unexpired one or {@code
   *     held} was taken over meanwhile
   */
  Optional<Lease> take(String holder, Optional<Lease> held, Duration ttl);

  /** Ends {@code lease} at once if still held, so a follower need not wait for it to expire. */
  void release(Lease lease);

  /** Who holds an unexpired lease now, by the database's clock. */
  Optional<String> holder();
}
