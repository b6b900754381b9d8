package dev.meister.storage;

import dev.meister.core.alert.AlertId;
import java.sql.PreparedStatement;
import java.time.Instant;

/** Which alerts' threads were told their build is green again, in {@code green_notices}. */
public final class JdbcGreenNotices {
  private final Database db;

  public JdbcGreenNotices(Database db) {
    this.db = db;
  }

  /** Records the notice; false when the alert had one already, which must not be repeated. */
  public boolean notice(AlertId alert, String successKey, Instant at) {
    return db.transaction("recording green notice of alert " + alert, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO green_notices (alert_id,"
          + " success_key, noticed_at) VALUES (?, ?, ?) ON CONFLICT (alert_id) DO NOTHING")) {
        ps.setLong(1, alert.value());
        ps.setString(2, successKey);
        ps.setLong(3, at.toEpochMilli());
        return ps.executeUpdate() == 1;
      }
    });
  }
}
