package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite connection's statement cache, on a real SQLite file. */
class StatementCacheTest {
  private static final String SELECT = "SELECT v FROM t WHERE k = ?";

  @TempDir Path dir;
  private Connection raw;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
    connection = StatementCache.wrap(raw, 2);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
      s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aClosedStatementIsHandedOutAgainForTheSameText() throws SQLException {
    PreparedStatement first = connection.prepareStatement(SELECT);
    PreparedStatement underlyingFirst = first.unwrap(PreparedStatement.class);
    first.setInt(1, 1);
    assertThat(valueOf(first)).isEqualTo("one");
    first.close();
    assertThat(first.isClosed()).isTrue();
    assertThat(StatementCache.of(connection).idleCount()).isEqualTo(1);

    try (PreparedStatement second = connection.prepareStatement(SELECT)) {
      assertThat(second.unwrap(PreparedStatement.class)).isSameAs(underlyingFirst);
      second.setInt(1, 2);
      assertThat(valueOf(second)).isEqualTo("two");
    }
  }

  @Test
  void aReturnedStatementHasItsParametersClearedAndCannotBeUsedThroughTheOldHandle()
      throws SQLException {
    PreparedStatement first = connection.prepareStatement(SELECT);
    first.setInt(1, 3);
    first.close();
    assertThatThrownBy(first::executeQuery).isInstanceOf(SQLException.class);

    try (PreparedStatement second = connection.prepareStatement(SELECT)) {
      // Without clearing, k = 3 would still be bound and the query would find 'three'.
      try (ResultSet rs = second.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void anOpenResultSetIsClosedWhenTheStatementIsGivenBack() throws SQLException {
    PreparedStatement statement = connection.prepareStatement("SELECT v FROM t ORDER BY k");
    ResultSet rs = statement.executeQuery();
    assertThat(rs.next()).isTrue();
    statement.close();
    assertThat(rs.isClosed()).isTrue();

    try (PreparedStatement again = connection.prepareStatement("SELECT v FROM t ORDER BY k");
        ResultSet fresh = again.executeQuery()) {
      // A statement left mid-query would go on from the second row.
      assertThat(fresh.next()).isTrue();
      assertThat(fresh.getString(1)).isEqualTo("one");
    }
  }

  @Test
  void theSameTextPreparedTwiceAtOnceGetsTwoStatements() throws SQLException {
    try (PreparedStatement outer = connection.prepareStatement(SELECT)) {
      outer.setInt(1, 1);
      try (ResultSet rs = outer.executeQuery()) {
        assertThat(rs.next()).isTrue();
        try (PreparedStatement inner = connection.prepareStatement(SELECT)) {
          assertThat(inner.unwrap(PreparedStatement.class))
              .isNotSameAs(outer.unwrap(PreparedStatement.class));
          inner.setInt(1, 2);
          assertThat(valueOf(inner)).isEqualTo("two");
        }
        assertThat(rs.getString(1)).isEqualTo("one");
      }
    }
    // Only one of the two is kept: the second to come back is really closed.
    assertThat(StatementCache.of(connection).idleCount()).isEqualTo(1);
  }

  @Test
  void theLeastRecentlyUsedTextIsFinalisedBeyondCapacity() throws SQLException {
    PreparedStatement a = connection.prepareStatement("SELECT 1");
    PreparedStatement underlyingA = a.unwrap(PreparedStatement.class);
    a.close();
    connection.prepareStatement("SELECT 2").close();
    connection.prepareStatement("SELECT 3").close();

    assertThat(StatementCache.of(connection).idleCount()).isEqualTo(2);
    assertThat(underlyingA.isClosed()).isTrue();
  }

  @Test
  void aStatementThatFailedIsNotReused() throws SQLException {
    String insert = "INSERT INTO t (k, v) VALUES (?, ?)";
    PreparedStatement failing = connection.prepareStatement(insert);
    PreparedStatement underlying = failing.unwrap(PreparedStatement.class);
    failing.setInt(1, 1);
    failing.setString(2, "duplicate key");
    assertThatThrownBy(failing::executeUpdate).isInstanceOf(SQLException.class);
    failing.close();

    assertThat(underlying.isClosed()).isTrue();
    try (PreparedStatement next = connection.prepareStatement(insert)) {
      next.setInt(1, 4);
      next.setString(2, "four");
      assertThat(next.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void closingTheConnectionFinalisesTheIdleStatements() throws SQLException {
    PreparedStatement statement = connection.prepareStatement(SELECT);
    PreparedStatement underlying = statement.unwrap(PreparedStatement.class);
    statement.close();

    connection.close();

    assertThat(underlying.isClosed()).isTrue();
    assertThat(raw.isClosed()).isTrue();
    assertThat(StatementCache.of(connection).idleCount()).isZero();
  }

  @Test
  void aStatementKnowsTheWrappedConnection() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
      assertThat(statement.getConnection()).isSameAs(connection);
    }
  }

  private static String valueOf(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
