package dev.meister.storage;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.Escalation;
import dev.meister.core.escalation.EscalationStore;
import dev.meister.core.team.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Escalations by hand in {@code alert_escalations}, nudges in {@code ack_nudges}. */
public final class JdbcEscalationStore implements EscalationStore {
  private final Database db;

  public JdbcEscalationStore(Database db) {
    this.db = db;
  }

  @Override
  public Escalation escalate(Escalation e) {
    return db.transaction(
        "escalating alert " + e.alert(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO alert_escalations (alert_id, escalated_by, level, escalated_to,"
                      + " note, escalated_at) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setLong(1, e.alert().value());
            ps.setString(2, e.by().value());
            ps.setString(3, e.level().name());
            ps.setString(4, String.join(",", e.to().stream().map(MemberId::value).toList()));
            Sql.setText(ps, 5, e.note().orElse(null));
            ps.setLong(6, e.at().toEpochMilli());
            ps.executeUpdate();
          }
          return escalationOf(c, e.alert())
              .orElseThrow(() -> new SQLException("escalation vanished after insert"));
        });
  }

  @Override
  public Optional<Escalation> escalationOf(AlertId alert) {
    return db.transaction("reading the escalation of alert " + alert, c -> escalationOf(c, alert));
  }

  static Optional<Escalation> escalationOf(Connection c, AlertId alert) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM alert_escalations WHERE alert_id = ?")) {
      ps.setLong(1, alert.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  static Escalation read(ResultSet rs) throws SQLException {
    return new Escalation(
        new AlertId(rs.getLong("alert_id")),
        MemberId.of(Sql.requiredText(rs, "escalated_by")),
        Escalation.Level.valueOf(Sql.requiredText(rs, "level")),
        Arrays.stream(Sql.requiredText(rs, "escalated_to").split(",")).map(MemberId::of).toList(),
        Optional.ofNullable(rs.getString("note")),
        Sql.requiredInstant(rs, "escalated_at"));
  }

  @Override
  public List<Acknowledgement> nudgeCandidates(Instant since, int limit) {
    return db.transaction(
        "listing acknowledged alerts to nudge about",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT k.* FROM acknowledgements k JOIN alerts a ON a.id = k.alert_id"
                      + " LEFT JOIN resolutions r ON r.alert_id = k.alert_id"
                      + " LEFT JOIN alert_escalations e ON e.alert_id = k.alert_id"
                      + " LEFT JOIN ack_nudges n ON n.alert_id = k.alert_id"
                      + " WHERE k.acked_at >= ? AND a.rotation IS NOT NULL"
                      + " AND r.alert_id IS NULL AND e.alert_id IS NULL AND n.alert_id IS NULL"
                      + " ORDER BY k.acked_at, k.alert_id LIMIT ?")) {
            ps.setLong(1, since.toEpochMilli());
            ps.setInt(2, limit);
            List<Acknowledgement> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(
                    new Acknowledgement(
                        new AlertId(rs.getLong("alert_id")),
                        MemberId.of(Sql.requiredText(rs, "member")),
                        Sql.requiredInstant(rs, "acked_at"),
                        AckChannel.valueOf(Sql.requiredText(rs, "channel"))));
              }
            }
            return found;
          }
        });
  }

  @Override
  public boolean nudged(AlertId alert, Instant at) {
    return db.transaction(
        "recording the nudge about alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO ack_nudges (alert_id, nudged_at) VALUES (?, ?)"
                      + " ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setLong(1, alert.value());
            ps.setLong(2, at.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }
}
