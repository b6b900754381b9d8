package dev.meister.storage;

import dev.meister.core.calendar.CalendarTokenStore;
import dev.meister.core.team.MemberId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The members' calendar tokens, in {@code calendar_tokens}. */
public final class JdbcCalendarTokenStore implements CalendarTokenStore {
  private final Database db;

  public JdbcCalendarTokenStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<String> tokenOf(MemberId member) {
    return db.transaction(
        "reading a calendar token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT token FROM calendar_tokens WHERE member_id = ?")) {
            ps.setString(1, member.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(Sql.requiredText(rs, "token")) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Optional<MemberId> memberFor(String token) {
    return db.transaction(
        "finding a calendar token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT member_id FROM calendar_tokens WHERE token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(MemberId.of(Sql.requiredText(rs, "member_id")))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public void put(MemberId member, String token, Instant at) {
    db.execute(
        "saving a calendar token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO calendar_tokens (member_id, token, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (member_id) DO UPDATE SET token = excluded.token,"
                      + " created_at = excluded.created_at")) {
            ps.setString(1, member.value());
            ps.setString(2, token);
            ps.setLong(3, at.toEpochMilli());
            ps.executeUpdate();
          }
        });
  }
}
