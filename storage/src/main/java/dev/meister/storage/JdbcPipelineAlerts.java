package dev.meister.storage;

import dev.meister.core.alert.Alert;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Resolution;
import dev.meister.core.pipeline.PipelineAlerts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Airflow alerts, read through the alert store, and their resolutions. */
public final class JdbcPipelineAlerts implements PipelineAlerts {
  private final Database db;
  private final JdbcAlertStore alerts;
  private final JdbcResolutionStore resolutions;

  public JdbcPipelineAlerts(Database db, JdbcAlertStore alerts, JdbcResolutionStore resolutions) {
    this.db = db;
    this.alerts = alerts;
    this.resolutions = resolutions;
  }

  @Override
  public List<Alert> airflowAlertsSince(Instant since, int limit) {
    List<AlertId> ids =
        db.transaction(
            "listing Airflow alerts",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id FROM alerts WHERE source = 'AIRFLOW' AND received_at >= ?"
                          + " ORDER BY received_at, id LIMIT ?")) {
                ps.setLong(1, since.toEpochMilli());
                ps.setInt(2, limit);
                List<AlertId> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(new AlertId(rs.getLong(1)));
                  }
                }
                return found;
              }
            });
    return ids.stream().flatMap(id -> alerts.find(id).stream()).toList();
  }

  @Override
  public Optional<Instant> resolvedAt(Alert alert) {
    return resolutions.resolutionOf(alert.storedId()).map(Resolution::at);
  }
}
