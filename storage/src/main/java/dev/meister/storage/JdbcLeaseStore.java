package dev.meister.storage;

import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.Lease;
import dev.meister.core.lease.LeaseStore;
import dev.meister.core.lease.NotLeaderException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code leader_lease} row. Every comparison with "now" uses the database's clock (one clock
 * for every instance), and the take is one upsert, so two instances asking at once cannot both get
 * it: the row's lock orders them and the second sees the first's unexpired lease.
 */
public final class JdbcLeaseStore implements LeaseStore {
  private static final String NAME = "leader";

  private final Database db;
  private final String now;

  public JdbcLeaseStore(Database db) {
    this.db = db;
    this.now = nowMillis(db.vendor());
  }

  /** The database's current time in epoch milliseconds, as SQL. */
  static String nowMillis(Vendor vendor) {
    return switch (vendor) {
      // clock_timestamp(), not now(): now() is the transaction's start, which may be a while ago
      // in a transaction that waited for the row's lock.
      case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
      case SQLITE -> "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
    };
  }

  @Override
  public Optional<Lease> take(String holder, Optional<Lease> held, Duration ttl) {
    long heldToken = held.filter(l -> l.holder().equals(holder)).map(Lease::token).orElse(-1L);
    return db.transaction(
        "taking the leader lease as " + holder,
        c -> {
          // Renewing keeps the token; anything else (a takeover, or this holder starting again)
          // gives the next one, which fences off whatever still acts under the old.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO leader_lease (name, holder, token, expires_at)"
                      + " VALUES (?, ?, 1, "
                      + now
                      + " + ?)"
                      + " ON CONFLICT (name) DO UPDATE SET"
                      + " token = CASE WHEN leader_lease.holder = excluded.holder"
                      + " AND leader_lease.token = ? THEN leader_lease.token"
                      + " ELSE leader_lease.token + 1 END,"
                      + " holder = excluded.holder, expires_at = excluded.expires_at"
                      + " WHERE (leader_lease.holder = excluded.holder"
                      + " AND (leader_lease.token = ? OR ? = -1))"
                      + " OR leader_lease.expires_at <= "
                      + now
                      + " RETURNING token")) {
            ps.setString(1, NAME);
            ps.setString(2, holder);
            ps.setLong(3, ttl.toMillis());
            ps.setLong(4, heldToken);
            ps.setLong(5, heldToken);
            ps.setLong(6, heldToken);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(new Lease(holder, rs.getLong(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void release(Lease lease) {
    db.transaction(
        "releasing the leader lease",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE leader_lease SET expires_at = 0"
                      + " WHERE name = ? AND holder = ? AND token = ?")) {
            ps.setString(1, NAME);
            ps.setString(2, lease.holder());
            ps.setLong(3, lease.token());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<String> holder() {
    return db.transaction(
        "reading the leader lease",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT holder FROM leader_lease WHERE name = ? AND expires_at > " + now)) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The fencing check for an instance that acts under {@code leadership}: none for the only
   * instance on its database, else {@link #check} of the lease it acts under now.
   *
   * @throws NotLeaderException when it does not lead, or its lease is no longer the database's
   */
  void checkLeading(Connection c, Leadership leadership) throws SQLException {
    if (leadership.alone()) {
      return;
    }
    check(
        c,
        leadership
            .current()
            .orElseThrow(() -> new NotLeaderException("this instance does not lead")));
  }

  /**
   * The fencing check, inside the caller's transaction: throws unless {@code lease} is still the
   * unexpired lease. On PostgreSQL the row is locked for share until the caller commits, so no
   * takeover can commit between this check and the caller's write.
   */
  void check(Connection c, Lease lease) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM leader_lease WHERE name = ? AND holder = ? AND token = ?"
                + " AND expires_at > "
                + now
                + (db.vendor() == Vendor.POSTGRESQL ? " FOR SHARE" : ""))) {
      ps.setString(1, NAME);
      ps.setString(2, lease.holder());
      ps.setLong(3, lease.token());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotLeaderException(
              lease.holder() + " no longer holds the lease of token " + lease.token());
        }
      }
    }
  }
}
