package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.silence.Silence;
import dev.meister.core.silence.SilenceDraft;
import dev.meister.core.silence.SilenceEvent;
import dev.meister.core.silence.SilenceMatches;
import dev.meister.core.silence.SilenceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Silences in {@code silences}, the alerts they caught in {@code silenced_alerts}, their steps in
 * {@code silence_audit}. Each change and its audit row are one transaction.
 */
public final class JdbcSilenceStore implements SilenceStore {
  private final Database db;

  public JdbcSilenceStore(Database db) {
    this.db = db;
  }

  @Override
  public Silence create(SilenceDraft d) {
    return db.transaction(
        "storing a silence",
        c -> {
          long id = insert(c, d, false);
          audit(c, id, "created", d.createdBy(), d.createdAt(), detail(d));
          return find(c, id).orElseThrow(() -> new SQLException("silence vanished after insert"));
        });
  }

  @Override
  public Silence window(SilenceDraft d) {
    String key = d.windowKey().orElseThrow(() -> new IllegalArgumentException("no window key"));
    return db.transaction(
        "storing a maintenance window",
        c -> {
          Optional<Silence> stored = byKey(c, key);
          if (stored.isPresent()) {
            return stored.get();
          }
          long id = insert(c, d, true);
          audit(c, id, "created", d.createdBy(), d.createdAt(), detail(d));
          return find(c, id).orElseThrow(() -> new SQLException("window vanished after insert"));
        });
  }

  private static long insert(Connection c, SilenceDraft d, boolean window) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO silences (match_text, starts_at, ends_at, reason, created_by, created_at,"
                + " quiet, include_high, window_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
      ps.setString(1, SilenceMatches.encode(d.match()));
      ps.setLong(2, d.from().toEpochMilli());
      ps.setLong(3, d.until().toEpochMilli());
      ps.setString(4, d.reason());
      ps.setString(5, d.createdBy());
      ps.setLong(6, d.createdAt().toEpochMilli());
      ps.setInt(7, d.quiet() ? 1 : 0);
      ps.setInt(8, d.includeHigh() ? 1 : 0);
      Sql.setText(ps, 9, window ? d.windowKey().orElse(null) : null);
      return Sql.returnedId(ps);
    }
  }

  private static String detail(SilenceDraft d) {
    return SilenceMatches.describe(d.match())
        + " from "
        + d.from()
        + " until "
        + d.until()
        + (d.reason().isEmpty() ? "" : " '" + d.reason() + "'")
        + (d.quiet() ? " quiet" : "")
        + (d.includeHigh() ? " include-high" : "");
  }

  @Override
  public Optional<Silence> find(long id) {
    return db.transaction("reading silence " + id, c -> find(c, id));
  }

  private static Optional<Silence> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM silences WHERE id = ?")) {
      ps.setLong(1, id);
      return one(ps);
    }
  }

  private static Optional<Silence> byKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM silences WHERE window_key = ?")) {
      ps.setString(1, key);
      return one(ps);
    }
  }

  @Override
  public List<Silence> activeAt(Instant now) {
    return db.transaction(
        "listing active silences",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM silences WHERE ends_at > ? AND starts_at <= ?"
                      + " AND (ended_at IS NULL OR ended_at > ?) ORDER BY id")) {
            long t = now.toEpochMilli();
            ps.setLong(1, t);
            ps.setLong(2, t);
            ps.setLong(3, t);
            return all(ps);
          }
        });
  }

  @Override
  public boolean lift(long id, String by, Instant at) {
    return db.transaction(
        "lifting silence " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE silences SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL"
                      + " AND starts_at <= ? AND ends_at > ?")) {
            long t = at.toEpochMilli();
            ps.setLong(1, t);
            ps.setString(2, by);
            ps.setLong(3, id);
            ps.setLong(4, t);
            ps.setLong(5, t);
            if (ps.executeUpdate() != 1) {
              return false;
            }
          }
          audit(c, id, "lifted", by, at, "");
          return true;
        });
  }

  @Override
  public void caught(AlertId alert, long silence, boolean quiet) {
    db.transaction(
        "recording that silence " + silence + " caught alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO silenced_alerts (alert_id, silence_id, quiet) VALUES (?, ?, ?)"
                      + " ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setLong(1, alert.value());
            ps.setLong(2, silence);
            ps.setInt(3, quiet ? 1 : 0);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Silence> silenceOf(AlertId alert) {
    return db.transaction(
        "reading the silence of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.* FROM silenced_alerts a JOIN silences s ON s.id = a.silence_id"
                      + " WHERE a.alert_id = ?")) {
            ps.setLong(1, alert.value());
            return one(ps);
          }
        });
  }

  @Override
  public List<AlertId> quietlyCaught(long silence) {
    return db.transaction(
        "listing the alerts silence " + silence + " held back",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT alert_id FROM silenced_alerts WHERE silence_id = ? AND quiet = 1"
                      + " ORDER BY alert_id")) {
            ps.setLong(1, silence);
            List<AlertId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(new AlertId(rs.getLong(1)));
              }
            }
            return ids;
          }
        });
  }

  @Override
  public List<Silence> summariesDue(Instant now) {
    return db.transaction(
        "listing silences to summarise",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM silences WHERE quiet = 1 AND summarised_at IS NULL"
                      + " AND (ends_at <= ? OR ended_at <= ?) ORDER BY id")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, now.toEpochMilli());
            return all(ps);
          }
        });
  }

  @Override
  public boolean summarised(long silence, Instant at) {
    return db.transaction(
        "marking silence " + silence + " summarised",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE silences SET summarised_at = ? WHERE id = ? AND summarised_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, silence);
            if (ps.executeUpdate() != 1) {
              return false;
            }
          }
          int count;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM silenced_alerts WHERE silence_id = ? AND quiet = 1")) {
            ps.setLong(1, silence);
            try (ResultSet rs = ps.executeQuery()) {
              count = rs.next() ? rs.getInt(1) : 0;
            }
          }
          audit(c, silence, "summarised", "meister", at, count + " alerts held back");
          return true;
        });
  }

  @Override
  public List<SilenceEvent> audit(long silence) {
    return db.transaction(
        "reading the audit of silence " + silence,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM silence_audit WHERE silence_id = ? ORDER BY id")) {
            ps.setLong(1, silence);
            List<SilenceEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                events.add(
                    new SilenceEvent(
                        rs.getLong("silence_id"),
                        Sql.requiredText(rs, "event"),
                        Sql.requiredText(rs, "actor"),
                        Sql.requiredInstant(rs, "at"),
                        Sql.requiredText(rs, "detail")));
              }
            }
            return events;
          }
        });
  }

  private static void audit(
      Connection c, long silence, String event, String actor, Instant at, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO silence_audit (silence_id, event, actor, at, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, silence);
      ps.setString(2, event);
      ps.setString(3, actor);
      ps.setLong(4, at.toEpochMilli());
      ps.setString(5, detail);
      ps.executeUpdate();
    }
  }

  private static Optional<Silence> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  private static List<Silence> all(PreparedStatement ps) throws SQLException {
    List<Silence> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  private static Silence read(ResultSet rs) throws SQLException {
    return new Silence(
        rs.getLong("id"),
        SilenceMatches.decode(Sql.requiredText(rs, "match_text")),
        Sql.requiredInstant(rs, "starts_at"),
        Sql.requiredInstant(rs, "ends_at"),
        Sql.requiredText(rs, "reason"),
        Sql.requiredText(rs, "created_by"),
        Sql.requiredInstant(rs, "created_at"),
        rs.getInt("quiet") == 1,
        rs.getInt("include_high") == 1,
        Optional.ofNullable(rs.getString("window_key")),
        Optional.ofNullable(Sql.instant(rs, "ended_at")),
        Optional.ofNullable(rs.getString("ended_by")));
  }
}
