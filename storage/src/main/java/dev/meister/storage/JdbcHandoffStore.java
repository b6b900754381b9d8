package dev.meister.storage;

import dev.meister.core.handoff.EpicMove;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.handoff.HandoffStore;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Hand-off handshakes, one row per rotation, position and boundary. */
public final class JdbcHandoffStore implements HandoffStore {
  private final Database db;

  public JdbcHandoffStore(Database db) {
    this.db = db;
  }

  @Override
  public void save(HandoffRecord r) {
    db.execute(
        "saving the " + r.rotation() + " hand-off at " + r.boundary(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO handoffs (rotation, position,"
                      + " boundary, outgoing, incoming, outgoing_confirmed_at, incoming_confirmed_at, notes,"
                      + " reminded_at, escalated_at, epic_state, epic_attempts, epic_next_at, epic_error)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (rotation, position, boundary)"
                      + " DO UPDATE SET outgoing = excluded.outgoing, incoming = excluded.incoming,"
                      + " outgoing_confirmed_at = excluded.outgoing_confirmed_at,"
                      + " incoming_confirmed_at = excluded.incoming_confirmed_at, notes = excluded.notes,"
                      + " reminded_at = excluded.reminded_at, escalated_at = excluded.escalated_at,"
                      + " epic_state = excluded.epic_state, epic_attempts = excluded.epic_attempts,"
                      + " epic_next_at = excluded.epic_next_at, epic_error = excluded.epic_error")) {
            ps.setString(1, r.rotation().value());
            ps.setString(2, r.position().name());
            ps.setLong(3, r.boundary().toEpochMilli());
            ps.setString(4, r.outgoing().value());
            ps.setString(5, r.incoming().value());
            Sql.setInstant(ps, 6, r.outgoingConfirmedAt());
            Sql.setInstant(ps, 7, r.incomingConfirmedAt());
            Sql.setText(ps, 8, r.notes());
            Sql.setInstant(ps, 9, r.remindedAt());
            Sql.setInstant(ps, 10, r.escalatedAt());
            ps.setString(11, r.epic().state().name().toLowerCase(Locale.ROOT));
            ps.setInt(12, r.epic().attempts());
            Sql.setInstant(ps, 13, r.epic().nextAttemptAt());
            Sql.setText(ps, 14, r.epic().error());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<HandoffRecord> find(RotationId rotation, Position position, Instant boundary) {
    return db.transaction(
        "finding the " + rotation + " hand-off at " + boundary,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM handoffs"
                      + " WHERE rotation = ? AND position = ? AND boundary = ?")) {
            ps.setString(1, rotation.value());
            ps.setString(2, position.name());
            ps.setLong(3, boundary.toEpochMilli());
            return records(ps).stream().findFirst();
          }
        });
  }

  @Override
  public List<HandoffRecord> history(RotationId rotation, int limit) {
    return db.transaction(
        "listing hand-offs of " + rotation,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM handoffs"
                      + " WHERE rotation = ? ORDER BY boundary DESC, position LIMIT ?")) {
            ps.setString(1, rotation.value());
            ps.setInt(2, limit);
            return records(ps);
          }
        });
  }

  @Override
  public List<HandoffRecord> epicMovesPending() {
    return db.transaction(
        "listing pending epic moves",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM handoffs" + " WHERE epic_state = 'pending' ORDER BY boundary")) {
            return records(ps);
          }
        });
  }

  private static List<HandoffRecord> records(PreparedStatement ps) throws SQLException {
    List<HandoffRecord> all = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(
            new HandoffRecord(
                RotationId.of(Sql.requiredText(rs, "rotation")),
                Position.valueOf(Sql.requiredText(rs, "position")),
                Sql.requiredInstant(rs, "boundary"),
                MemberId.of(Sql.requiredText(rs, "outgoing")),
                MemberId.of(Sql.requiredText(rs, "incoming")),
                Sql.instant(rs, "outgoing_confirmed_at"),
                Sql.instant(rs, "incoming_confirmed_at"),
                rs.getString("notes"),
                Sql.instant(rs, "reminded_at"),
                Sql.instant(rs, "escalated_at"),
                epic(rs)));
      }
    }
    return all;
  }

  private static EpicMove epic(ResultSet rs) throws SQLException {
    return new EpicMove(
        EpicMove.State.valueOf(Sql.requiredText(rs, "epic_state").toUpperCase(Locale.ROOT)),
        rs.getInt("epic_attempts"),
        Sql.instant(rs, "epic_next_at"),
        rs.getString("epic_error"));
  }
}
