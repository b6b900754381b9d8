package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.GreenNotices;
import java.sql.PreparedStatement;
import java.time.Instant;

/** Which alerts' threads were told their build is green again, in {@code green_notices}. */
public final class JdbcGreenNotices implements GreenNotices {
  private final Database db;

  public JdbcGreenNotices(Database db) {
    this.db = db;
  }

  @Override
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
