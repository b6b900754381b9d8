package dev.meister.storage;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import dev.meister.core.usergroup.GroupState;
import dev.meister.core.usergroup.GroupStateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The rotations' user groups, in {@code user_groups}. */
public final class JdbcGroupStateStore implements GroupStateStore {
  private final Database db;

  public JdbcGroupStateStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<GroupState> find(RotationId rotation) {
    return db.transaction(
        "reading the user group of " + rotation.value(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM user_groups WHERE rotation = ?")) {
            ps.setString(1, rotation.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<GroupState>empty();
              }
              String synced = rs.getString("synced");
              return Optional.of(
                  new GroupState(
                      rotation,
                      Sql.requiredText(rs, "handle"),
                      members(Sql.requiredText(rs, "wanted")),
                      synced == null ? Optional.empty() : Optional.of(members(synced)),
                      rs.getInt("failures"),
                      Sql.requiredInstant(rs, "not_before"),
                      Optional.ofNullable(rs.getString("refused"))));
            }
          }
        });
  }

  @Override
  public void want(RotationId rotation, String handle, List<MemberId> members, Instant at) {
    String wanted = text(members);
    db.execute(
        "wanting the user group of " + rotation.value(),
        c -> {
          // A change of members (or of handle) starts afresh: no backoff, no refusal.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO user_groups (rotation, handle, wanted, wanted_at, not_before)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (rotation) DO UPDATE SET"
                      + " handle = excluded.handle, wanted = excluded.wanted,"
                      + " wanted_at = excluded.wanted_at, not_before = excluded.not_before,"
                      + " failures = 0, error = NULL, refused = NULL"
                      + " WHERE user_groups.wanted <> excluded.wanted"
                      + " OR user_groups.handle <> excluded.handle")) {
            ps.setString(1, rotation.value());
            ps.setString(2, handle);
            ps.setString(3, wanted);
            ps.setLong(4, at.toEpochMilli());
            ps.setLong(5, at.toEpochMilli());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void synced(RotationId rotation, List<MemberId> members, Instant at) {
    update(
        "UPDATE user_groups SET synced = ?, synced_at = ?, failures = 0, error = NULL"
            + " WHERE rotation = ?",
        text(members),
        at.toEpochMilli(),
        rotation);
  }

  @Override
  public void failed(RotationId rotation, Instant notBefore, String error) {
    update(
        "UPDATE user_groups SET error = ?, not_before = ?, failures = failures + 1"
            + " WHERE rotation = ?",
        error,
        notBefore.toEpochMilli(),
        rotation);
  }

  @Override
  public void refused(RotationId rotation, String error) {
    update(
        "UPDATE user_groups SET refused = ?, error = ?, failures = failures + 1 WHERE rotation = ?",
        error,
        error,
        rotation);
  }

  private void update(String sql, @Nullable Object first, Object second, RotationId rotation) {
    db.execute(
        "updating the user group of " + rotation.value(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, first);
            ps.setObject(2, second);
            ps.setString(3, rotation.value());
            ps.executeUpdate();
          }
        });
  }

  private static String text(List<MemberId> members) {
    return members.stream().map(MemberId::value).collect(Collectors.joining(","));
  }

  private static List<MemberId> members(String text) {
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(MemberId::of).toList();
  }
}
