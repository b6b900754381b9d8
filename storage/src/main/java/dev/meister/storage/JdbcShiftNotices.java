package dev.meister.storage;

import dev.meister.core.shift.ShiftNotice;
import dev.meister.core.shift.ShiftNoticeStore;
import java.sql.PreparedStatement;
import java.time.Instant;

/** One row per shift notice posted. */
public final class JdbcShiftNotices implements ShiftNoticeStore {
  private final Database db;

  public JdbcShiftNotices(Database db) {
    this.db = db;
  }

  @Override
  public boolean record(ShiftNotice notice, Instant at) {
    return db.transaction(
        "recording shift notice " + notice,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO shift_notices (rotation, boundary, kind, posted_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (rotation, boundary, kind) DO NOTHING")) {
            ps.setString(1, notice.rotation().value());
            ps.setLong(2, notice.boundary().toEpochMilli());
            ps.setString(3, notice.kind().name());
            ps.setLong(4, at.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }
}
