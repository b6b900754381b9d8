package dev.meister.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Small conversions between JDBC and our value types; nulls pass through. */
final class Sql {
  private Sql() {}

  static void setText(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  static void setInstant(PreparedStatement ps, int index, @Nullable Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value.toEpochMilli());
    }
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
    Instant v = instant(rs, column);
    if (v == null) {
      throw new SQLException("column " + column + " is null");
    }
    return v;
  }

  static String requiredText(ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    if (v == null) {
      throw new SQLException("column " + column + " is null");
    }
    return v;
  }

  /**
   * Runs an {@code INSERT ... RETURNING id} and gives the id: both databases answer RETURNING, and
   * unlike generated keys it names the column (PostgreSQL's driver would return every column).
   */
  static long returnedId(PreparedStatement ps) throws SQLException {
    try (ResultSet returned = ps.executeQuery()) {
      if (!returned.next()) {
        throw new SQLException("the insert returned no id");
      }
      return returned.getLong(1);
    }
  }
}
