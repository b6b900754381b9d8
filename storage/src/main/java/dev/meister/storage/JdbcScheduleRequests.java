package dev.meister.storage;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleRequest;
import dev.meister.core.schedule.ScheduleRequestStore;
import dev.meister.core.team.MemberId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;

/** Overrides and swaps asked for in chat, one row each, kept after they are answered. */
public final class JdbcScheduleRequests implements ScheduleRequestStore {
  private final Database db;

  public JdbcScheduleRequests(Database db) {
    this.db = db;
  }

  @Override
  public ScheduleRequest add(ScheduleRequest r) {
    return db.transaction(
        "storing a " + r.kind() + " request",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO schedule_requests (kind,"
                      + " rotation, requester, other_member, covered, start_at, end_at, state, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, lower(r.kind()));
            ps.setString(2, r.rotation().value());
            ps.setString(3, r.requester().value());
            ps.setString(4, r.other().value());
            Sql.setText(ps, 5, r.covered() == null ? null : r.covered().value());
            ps.setLong(6, r.start().toEpochMilli());
            ps.setLong(7, r.end().toEpochMilli());
            ps.setString(8, lower(r.state()));
            ps.setLong(9, r.createdAt().toEpochMilli());
            return r.withId(Sql.returnedId(ps));
          }
        });
  }

  @Override
  public Optional<ScheduleRequest> find(long id) {
    return db.transaction(
        "reading request " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM schedule_requests WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              String covered = rs.getString("covered");
              return Optional.of(
                  new ScheduleRequest(
                      rs.getLong("id"),
                      ScheduleRequest.Kind.valueOf(upper(rs, "kind")),
                      RotationId.of(Sql.requiredText(rs, "rotation")),
                      MemberId.of(Sql.requiredText(rs, "requester")),
                      MemberId.of(Sql.requiredText(rs, "other_member")),
                      covered == null ? null : MemberId.of(covered),
                      Sql.requiredInstant(rs, "start_at"),
                      Sql.requiredInstant(rs, "end_at"),
                      ScheduleRequest.State.valueOf(upper(rs, "state")),
                      Sql.requiredInstant(rs, "created_at"),
                      Sql.instant(rs, "decided_at")));
            }
          }
        });
  }

  @Override
  public void decide(ScheduleRequest r, long changeId) {
    db.execute(
        "answering request " + r.id(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE schedule_requests SET state = ?,"
                      + " decided_at = ?, change_id = ? WHERE id = ?")) {
            ps.setString(1, lower(r.state()));
            Sql.setInstant(ps, 2, r.decidedAt());
            if (changeId > 0) {
              ps.setLong(3, changeId);
            } else {
              ps.setNull(3, java.sql.Types.INTEGER);
            }
            ps.setLong(4, r.id());
            ps.executeUpdate();
          }
        });
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static String upper(ResultSet rs, String column) throws java.sql.SQLException {
    return Sql.requiredText(rs, column).toUpperCase(Locale.ROOT);
  }
}
