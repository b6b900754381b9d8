package dev.meister.storage;

import dev.meister.core.schedule.OverrideId;
import dev.meister.core.schedule.OverrideStore;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Swap;
import dev.meister.core.schedule.SwapLayer;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.team.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Overrides, swaps and unavailability in the {@code schedule_changes} table. */
public final class JdbcOverrideStore implements OverrideStore {
  private static final String INSERT =
      "INSERT INTO schedule_changes (kind, rotation, position,"
          + " member, other_member, start_at, end_at, first_day, last_day, reason, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database db;
  private final Clock clock;

  public JdbcOverrideStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public ScheduleOverride add(ScheduleOverride o) {
    long id =
        db.transaction(
            "adding an override to " + o.rotation(),
            c ->
                insert(
                    c,
                    "override",
                    o.rotation().value(),
                    o.position().name(),
                    o.coveringMember().value(),
                    o.coveredMember() == null ? null : o.coveredMember().value(),
                    o.start(),
                    o.end(),
                    null,
                    null,
                    o.reason()));
    return o.withId(new OverrideId(id));
  }

  @Override
  public Swap add(Swap s) {
    long id =
        db.transaction(
            "adding a swap to " + s.rotation(),
            c ->
                insert(
                    c,
                    "swap",
                    s.rotation().value(),
                    s.layer().name(),
                    null,
                    null,
                    s.firstShiftStart(),
                    s.secondShiftStart(),
                    null,
                    null,
                    null));
    return s.withId(new OverrideId(id));
  }

  @Override
  public Unavailability add(Unavailability u) {
    long id =
        db.transaction(
            "adding unavailability of " + u.member(),
            c ->
                insert(
                    c,
                    "unavailability",
                    null,
                    null,
                    u.member().value(),
                    u.coveredBy() == null ? null : u.coveredBy().value(),
                    null,
                    null,
                    u.firstDay().toString(),
                    u.lastDay().toString(),
                    u.reason()));
    return u.withId(new OverrideId(id));
  }

  private long insert(
      Connection c,
      String kind,
      @Nullable String rotation,
      @Nullable String position,
      @Nullable String member,
      @Nullable String other,
      @Nullable Instant start,
      @Nullable Instant end,
      @Nullable String firstDay,
      @Nullable String lastDay,
      @Nullable String reason)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT + " RETURNING id")) {
      ps.setString(1, kind);
      Sql.setText(ps, 2, rotation);
      Sql.setText(ps, 3, position);
      Sql.setText(ps, 4, member);
      Sql.setText(ps, 5, other);
      Sql.setInstant(ps, 6, start);
      Sql.setInstant(ps, 7, end);
      Sql.setText(ps, 8, firstDay);
      Sql.setText(ps, 9, lastDay);
      Sql.setText(ps, 10, reason);
      ps.setLong(11, clock.millis());
      return Sql.returnedId(ps);
    }
  }

  @Override
  public boolean remove(OverrideId id) {
    return db.transaction(
        "removing schedule change " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM schedule_changes WHERE id = ?")) {
            ps.setLong(1, id.value());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<ScheduleOverride> findOverride(OverrideId id) {
    return db.transaction(
        "finding override " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM schedule_changes WHERE id = ? AND kind = 'override'")) {
            ps.setLong(1, id.value());
            List<ScheduleOverride> found = overrides(ps);
            return found.stream().findFirst();
          }
        });
  }

  @Override
  public List<ScheduleOverride> overrides(RotationId rotation, Instant from) {
    return db.transaction(
        "listing overrides of " + rotation,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM schedule_changes"
                      + " WHERE kind = 'override' AND rotation = ? AND end_at > ? ORDER BY id")) {
            ps.setString(1, rotation.value());
            ps.setLong(2, from.toEpochMilli());
            return overrides(ps);
          }
        });
  }

  private static List<ScheduleOverride> overrides(PreparedStatement ps) throws SQLException {
    List<ScheduleOverride> all = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String covered = rs.getString("other_member");
        all.add(
            new ScheduleOverride(
                new OverrideId(rs.getLong("id")),
                RotationId.of(Sql.requiredText(rs, "rotation")),
                Position.valueOf(Sql.requiredText(rs, "position")),
                MemberId.of(Sql.requiredText(rs, "member")),
                covered == null ? null : MemberId.of(covered),
                Sql.requiredInstant(rs, "start_at"),
                Sql.requiredInstant(rs, "end_at"),
                rs.getString("reason")));
      }
    }
    return all;
  }

  @Override
  public List<Swap> swaps(RotationId rotation) {
    return db.transaction(
        "listing swaps of " + rotation,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM schedule_changes"
                      + " WHERE kind = 'swap' AND rotation = ? ORDER BY id")) {
            ps.setString(1, rotation.value());
            List<Swap> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                all.add(
                    new Swap(
                        new OverrideId(rs.getLong("id")),
                        rotation,
                        SwapLayer.valueOf(Sql.requiredText(rs, "position")),
                        Sql.requiredInstant(rs, "start_at"),
                        Sql.requiredInstant(rs, "end_at")));
              }
            }
            return all;
          }
        });
  }

  @Override
  public List<Unavailability> unavailability(MemberId member) {
    return allUnavailability().stream().filter(u -> u.member().equals(member)).toList();
  }

  @Override
  public List<Unavailability> allUnavailability() {
    return db.transaction(
        "listing unavailability",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM schedule_changes WHERE kind = 'unavailability' ORDER BY id")) {
            List<Unavailability> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String cover = rs.getString("other_member");
                all.add(
                    new Unavailability(
                        new OverrideId(rs.getLong("id")),
                        MemberId.of(Sql.requiredText(rs, "member")),
                        LocalDate.parse(Sql.requiredText(rs, "first_day")),
                        LocalDate.parse(Sql.requiredText(rs, "last_day")),
                        cover == null ? null : MemberId.of(cover),
                        rs.getString("reason")));
              }
            }
            return all;
          }
        });
  }
}
