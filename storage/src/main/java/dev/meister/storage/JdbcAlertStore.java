package dev.meister.storage;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Recorded;
import dev.meister.core.chat.AlertId;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alerts and their first acknowledgement. Recording is idempotent on the dedup key. */
public final class JdbcAlertStore implements AlertStore, dev.meister.core.filing.AlertFingerprints {
  private static final String HIGH = "HIGH";
  private static final String NORMAL = "NORMAL";

  private final Database db;

  public JdbcAlertStore(Database db) {
    this.db = db;
  }

  @Override
  public Recorded record(Alert alert) {
    return db.transaction(
        "recording alert " + alert.dedupKey(),
        c -> {
          // RETURNING rather than generated keys: the driver fetches those with a second query.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO alerts (dedup_key, source,"
                      + " fingerprint, rotation, priority, title, received_at, attributes)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id")) {
            ps.setString(1, alert.dedupKey());
            ps.setString(2, alert.source().name());
            ps.setString(3, alert.fingerprint());
            Sql.setText(ps, 4, alert.rotation() == null ? null : alert.rotation().value());
            // The column keeps the HIGH/NORMAL of earlier versions; level and tags are in the JSON.
            ps.setString(5, alert.priority().urgent() ? HIGH : NORMAL);
            ps.setString(6, alert.title());
            ps.setLong(7, alert.receivedAt().toEpochMilli());
            ps.setString(8, AlertDocumentCodec.write(alert));
            try (ResultSet inserted = ps.executeQuery()) {
              if (inserted.next()) {
                // Stored as given: no need to read it back.
                return new Recorded(alert.withId(new AlertId(inserted.getLong(1))), true);
              }
            }
            Alert stored =
                byDedupKey(c, alert.dedupKey())
                    .orElseThrow(() -> new SQLException("alert " + alert.dedupKey() + " vanished"));
            return new Recorded(stored, false);
          }
        });
  }

  @Override
  public Optional<Alert> find(AlertId id) {
    return db.transaction(
        "finding alert " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alerts WHERE id = ?")) {
            ps.setLong(1, id.value());
            return first(ps);
          }
        });
  }

  @Override
  public Optional<Alert> findByDedupKey(String dedupKey) {
    return db.transaction("finding alert " + dedupKey, c -> byDedupKey(c, dedupKey));
  }

  private static Optional<Alert> byDedupKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alerts WHERE dedup_key = ?")) {
      ps.setString(1, key);
      return first(ps);
    }
  }

  @Override
  public List<Alert> recent(int limit) {
    return db.transaction(
        "listing recent alerts",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM alerts ORDER BY received_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            return all(ps);
          }
        });
  }

  /** How many alerts are stored: for benchmarks and health output. */
  public long count() {
    return db.transaction(
        "counting alerts",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alerts");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public Acknowledgement acknowledge(Acknowledgement ack) {
    return db.transaction(
        "acknowledging alert " + ack.alert(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO acknowledgements"
                      + " (alert_id, member, acked_at, channel) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setLong(1, ack.alert().value());
            ps.setString(2, ack.member().value());
            ps.setLong(3, ack.at().toEpochMilli());
            ps.setString(4, ack.channel().name());
            ps.executeUpdate();
          }
          return acknowledgement(c, ack.alert())
              .orElseThrow(() -> new SQLException("acknowledgement vanished after insert"));
        });
  }

  @Override
  public Optional<Acknowledgement> acknowledgement(AlertId alert) {
    return db.transaction(
        "reading the acknowledgement of alert " + alert, c -> acknowledgement(c, alert));
  }

  private static Optional<Acknowledgement> acknowledgement(Connection c, AlertId alert)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM acknowledgements WHERE alert_id = ?")) {
      ps.setLong(1, alert.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Acknowledgement(
                alert,
                MemberId.of(Sql.requiredText(rs, "member")),
                Sql.requiredInstant(rs, "acked_at"),
                AckChannel.valueOf(Sql.requiredText(rs, "channel"))));
      }
    }
  }

  private static Optional<Alert> first(PreparedStatement ps) throws SQLException {
    return all(ps).stream().findFirst();
  }

  private static List<Alert> all(PreparedStatement ps) throws SQLException {
    List<Alert> alerts = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String rotation = rs.getString("rotation");
        Instant receivedAt = Sql.requiredInstant(rs, "received_at");
        AlertDocumentCodec.Document doc =
            AlertDocumentCodec.read(
                Sql.requiredText(rs, "attributes"),
                AlertSource.valueOf(Sql.requiredText(rs, "source")),
                receivedAt);
        alerts.add(
            new Alert(
                new AlertId(rs.getLong("id")),
                Sql.requiredText(rs, "dedup_key"),
                Sql.requiredText(rs, "fingerprint"),
                rotation == null ? null : RotationId.of(rotation),
                doc.route(),
                priority(doc, Sql.requiredText(rs, "priority")),
                Sql.requiredText(rs, "title"),
                receivedAt,
                doc.occurredAt(),
                doc.origin()));
      }
    }
    return alerts;
  }

  /** A row stored before alerts had levels has only its column: HIGH was urgent and tagged. */
  private static AlertPriority priority(AlertDocumentCodec.Document doc, String column) {
    if (doc.priority().isPresent()) {
      return doc.priority().get();
    }
    return HIGH.equals(column) ? AlertPriority.legacyHigh() : AlertPriority.NONE;
  }

  @Override
  public void refine(AlertId alert, String fingerprint) {
    db.execute(
        "refining the fingerprint of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE alerts SET fingerprint = ? WHERE id = ?")) {
            ps.setString(1, fingerprint);
            ps.setLong(2, alert.value());
            ps.executeUpdate();
          }
        });
  }
}
