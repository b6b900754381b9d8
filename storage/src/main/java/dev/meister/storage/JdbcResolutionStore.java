package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Resolution;
import dev.meister.core.filing.ResolutionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Reasons and solutions of breaks, in {@code resolutions}. */
public final class JdbcResolutionStore implements ResolutionStore {
  private final Database db;

  public JdbcResolutionStore(Database db) {
    this.db = db;
  }

  @Override
  public void resolve(Resolution r) {
    db.execute(
        "resolving alert " + r.alert(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO resolutions (alert_id, reason,"
                      + " solution, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT (alert_id) DO UPDATE SET reason = excluded.reason,"
                      + " solution = excluded.solution, resolved_by = excluded.resolved_by,"
                      + " resolved_at = excluded.resolved_at")) {
            ps.setLong(1, r.alert().value());
            ps.setString(2, r.reason());
            ps.setString(3, r.solution());
            ps.setString(4, r.by());
            ps.setLong(5, r.at().toEpochMilli());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Resolution> resolutionOf(AlertId alert) {
    return db.transaction(
        "reading the resolution of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM resolutions WHERE alert_id = ?")) {
            ps.setLong(1, alert.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Resolution>empty();
              }
              return Optional.of(
                  new Resolution(
                      alert,
                      Sql.requiredText(rs, "reason"),
                      Sql.requiredText(rs, "solution"),
                      Sql.requiredText(rs, "resolved_by"),
                      Sql.requiredInstant(rs, "resolved_at")));
            }
          }
        });
  }
}
