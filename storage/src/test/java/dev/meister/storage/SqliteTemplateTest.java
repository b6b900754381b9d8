package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's SQLite schema template ({@link SqliteTemplate}) against Flyway itself: a new database
 * copied from it is the database Flyway makes, and only a database holding exactly its migrations
 * skips Flyway; every other one is Flyway's to migrate or refuse.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTemplateTest {
  @TempDir Path dir;

  @Test
  void a_new_database_is_the_schema_and_history_flyway_makes() throws Exception {
    Path flyway = dir.resolve("flyway.db");
    Database.migrate(Vendor.SQLITE, url(flyway), null, null);
    Path copied = dir.resolve("copied.db");

    try (Database db = Database.open(copied)) {
      assertThat(db.vendor()).isEqualTo(Vendor.SQLITE);
    }

    assertThat(schema(copied)).isNotEmpty().isEqualTo(schema(flyway));
    assertThat(history(copied)).hasSizeGreaterThan(20).isEqualTo(history(flyway));
    assertThat(SqliteTemplate.upToDate(url(copied))).isTrue();
    assertThat(dir).isDirectoryNotContaining("glob:**.new");
  }

  @Test
  void an_older_database_is_brought_up_to_date_by_flyway() throws Exception {
    Path older = dir.resolve("older.db");
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(url(older), null, null)
        .locations("classpath:" + Vendor.SQLITE.migrations())
        .target("20")
        .load()
        .migrate();
    assertThat(SqliteTemplate.upToDate(url(older))).isFalse();

    Database.open(older).close();

    assertThat(SqliteTemplate.upToDate(url(older))).isTrue();
    Path fresh = dir.resolve("fresh.db");
    Database.open(fresh).close();
    assertThat(schema(older)).isEqualTo(schema(fresh));
  }

  @Test
  void a_database_whose_migration_changed_is_refused_as_flyway_refuses_it() throws Exception {
    Path changed = dir.resolve("changed.db");
    Database.open(changed).close();
    try (Connection c = DriverManager.getConnection(url(changed));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '5'");
    }
    assertThat(SqliteTemplate.upToDate(url(changed))).isFalse();

    assertThatThrownBy(() -> Database.open(changed))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("migrating database");
  }

  @Test
  void a_database_left_only_as_its_wal_is_not_replaced_by_the_template() throws Exception {
    Path file = dir.resolve("meister.db");
    Files.writeString(Path.of(file + "-wal"), "");

    assertThat(SqliteTemplate.createFrom(file)).isFalse();
    assertThat(file).doesNotExist();
  }

  @Test
  void an_existing_database_is_never_overwritten() throws Exception {
    Path file = dir.resolve("meister.db");
    Database.open(file).close();
    try (Connection c = DriverManager.getConnection(url(file));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (x INTEGER)");
    }

    assertThat(SqliteTemplate.createFrom(file)).isFalse();
    Database.open(file).close();

    assertThat(schema(file)).anyMatch(row -> row.contains("kept"));
  }

  private static String url(Path file) {
    return DatabaseTarget.SQLITE_PREFIX + file.toAbsolutePath();
  }

  /** Every table, index and trigger with its SQL, by name. */
  private static List<String> schema(Path file) throws Exception {
    return rows(file, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
  }

  /** Flyway's history without the times it was installed at. */
  private static List<String> history(Path file) throws Exception {
    return rows(
        file,
        "SELECT installed_rank, version, description, type, script, checksum, success"
            + " FROM flyway_schema_history ORDER BY installed_rank");
  }

  private static List<String> rows(Path file, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(file));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join(" | ", row));
      }
    }
    return rows;
  }
}
