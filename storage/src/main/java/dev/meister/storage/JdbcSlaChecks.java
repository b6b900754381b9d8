package dev.meister.storage;

import dev.meister.core.pipeline.SlaCheckStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** One row per pipeline and SLA deadline checked. */
public final class JdbcSlaChecks implements SlaCheckStore {
  private final Database db;

  public JdbcSlaChecks(Database db) {
    this.db = db;
  }

  @Override
  public boolean checked(String pipeline, Instant deadline) {
    return db.transaction(
        "reading the SLA check of " + pipeline,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM sla_checks WHERE pipeline = ? AND due_at = ?")) {
            ps.setString(1, pipeline);
            ps.setLong(2, deadline.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public boolean record(String pipeline, Instant deadline, Instant at, boolean met, String detail) {
    return db.transaction(
        "recording the SLA check of " + pipeline,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sla_checks (pipeline, due_at,"
                      + " checked_at, met, detail) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT (pipeline, due_at) DO NOTHING")) {
            ps.setString(1, pipeline);
            ps.setLong(2, deadline.toEpochMilli());
            ps.setLong(3, at.toEpochMilli());
            ps.setInt(4, met ? 1 : 0);
            ps.setString(5, detail);
            return ps.executeUpdate() == 1;
          }
        });
  }
}
