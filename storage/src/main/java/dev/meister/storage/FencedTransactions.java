package dev.meister.storage;

import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.NotLeaderException;
import dev.meister.core.tx.Transactions;
import java.util.function.Supplier;

/**
 * Transactions for the leader's own work (issue filing, runbook actions): each first checks, inside
 * the transaction, that this instance still holds the lease and its token, as a delivery does
 * ({@link JdbcOutbox#delivered}). A leader paused past its lease and woken after a takeover cannot
 * record what it did meanwhile; the transaction throws {@link NotLeaderException} and is rolled
 * back, and the new leader finds the request as it was. The only instance on a database (SQLite) is
 * never fenced.
 */
final class FencedTransactions implements Transactions {
  private final Database db;
  private final JdbcLeaseStore leases;
  private final Leadership leadership;

  FencedTransactions(Database db, JdbcLeaseStore leases, Leadership leadership) {
    this.db = db;
    this.leases = leases;
    this.leadership = leadership;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (leadership.alone()) {
      return db.inTransaction(work);
    }
    return db.transaction(
        "a leader's transaction",
        c -> {
          leases.checkLeading(c, leadership);
          return work.get();
        });
  }
}
