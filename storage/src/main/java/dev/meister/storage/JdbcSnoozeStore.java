package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.silence.Snooze;
import dev.meister.core.silence.SnoozeStore;
import dev.meister.core.team.MemberId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Snoozed alerts in {@code snoozes}, one row per alert. */
public final class JdbcSnoozeStore implements SnoozeStore {
  private final Database db;

  public JdbcSnoozeStore(Database db) {
    this.db = db;
  }

  @Override
  public void snooze(Snooze s) {
    db.transaction(
        "snoozing alert " + s.alert(),
        c -> {
          // A new snooze replaces the old one, and comes back again at its own time.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO snoozes (alert_id, until, snoozed_by, snoozed_at, returned_at)"
                      + " VALUES (?, ?, ?, ?, NULL) ON CONFLICT (alert_id) DO UPDATE SET"
                      + " until = excluded.until, snoozed_by = excluded.snoozed_by,"
                      + " snoozed_at = excluded.snoozed_at, returned_at = NULL")) {
            ps.setLong(1, s.alert().value());
            ps.setLong(2, s.until().toEpochMilli());
            ps.setString(3, s.by().value());
            ps.setLong(4, s.at().toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Snooze> snoozeOf(AlertId alert) {
    return db.transaction(
        "reading the snooze of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM snoozes WHERE alert_id = ?")) {
            ps.setLong(1, alert.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<Snooze> dueBy(Instant now, int limit) {
    return db.transaction(
        "listing snoozes that are up",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM snoozes WHERE returned_at IS NULL AND until <= ?"
                      + " ORDER BY until, alert_id LIMIT ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            List<Snooze> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Optional<Instant> nextDue() {
    return db.transaction(
        "finding the next snooze to end",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT MIN(until) FROM snoozes WHERE returned_at IS NULL")) {
            try (ResultSet rs = ps.executeQuery()) {
              long t = rs.next() ? rs.getLong(1) : 0;
              return rs.wasNull() || t == 0
                  ? Optional.<Instant>empty()
                  : Optional.of(Instant.ofEpochMilli(t));
            }
          }
        });
  }

  @Override
  public boolean returned(AlertId alert, Instant until, Instant at) {
    return db.transaction(
        "marking the snooze of alert " + alert + " as come back",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE snoozes SET returned_at = ? WHERE alert_id = ? AND until = ?"
                      + " AND returned_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, alert.value());
            ps.setLong(3, until.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static Snooze read(ResultSet rs) throws SQLException {
    return new Snooze(
        new AlertId(rs.getLong("alert_id")),
        Sql.requiredInstant(rs, "until"),
        MemberId.of(Sql.requiredText(rs, "snoozed_by")),
        Sql.requiredInstant(rs, "snoozed_at"),
        Optional.ofNullable(Sql.instant(rs, "returned_at")));
  }
}
