package dev.meister.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A SQLite database with every migration of this build applied, made by the build itself ({@link
 * #main}, storage's {@code process-classes}) and shipped in the jar, with the list of the
 * migrations it holds ({@code version} and Flyway's checksum, one per line).
 *
 * <p>Why: on an empty database Flyway's first run, its start-up and the 27 migrations' parsing and
 * commits, was about half a second of a cold start, the largest single part of it. A new database
 * file is now a copy of the template, and a database whose history lists exactly the template's
 * migrations (checksums included, so exactly what Flyway would validate) is up to date without
 * Flyway: that is a new file and every restart of an up-to-date one. Anything else (an older
 * database, a changed migration, one from a newer build, a failed migration) goes to Flyway as
 * before, which migrates or refuses it. Without the template (the classes run from an IDE that did
 * not run the build's step) everything goes to Flyway.
 */
public final class SqliteTemplate {
  static final String DATABASE = "db/sqlite-template.db";
  static final String HISTORY = "db/sqlite-template.history";

  private SqliteTemplate() {}

  /**
   * Writes the template and its history into the folder {@code args[0]} (the storage module's
   * {@code target/classes/db}).
   */
  public static void main(String[] args) throws IOException, SQLException {
    // Flyway logs through java.util.logging here (no SLF4J binding at build time): a line per
    // migration in every build's output says nothing.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Path folder = Path.of(args[0]);
    Files.createDirectories(folder);
    Path file = folder.resolve(Path.of(DATABASE).getFileName());
    Files.deleteIfExists(file);
    String url = DatabaseTarget.SQLITE_PREFIX + file.toAbsolutePath();
    // The default rollback journal: the template is one self-contained file (a copy in WAL mode
    // switches to WAL when the bot opens it).
    Database.migrate(Vendor.SQLITE, url, null, null);
    List<String> history;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("VACUUM");
      history = history(c).orElseThrow();
    }
    Files.write(folder.resolve(Path.of(HISTORY).getFileName()), history, StandardCharsets.UTF_8);
  }

  /**
   * Copies the template to {@code file} when there is no database there yet (no file, no journal or
   * WAL left of one); false when there is one or the template is not on the class path.
   */
  static boolean createFrom(Path file) {
    for (String suffix : List.of("", "-wal", "-journal")) {
      if (Files.exists(Path.of(file + suffix))) {
        return false;
      }
    }
    try (InputStream template = resource(DATABASE)) {
      if (template == null) {
        return false;
      }
      // Written beside it and renamed, so a crash never leaves half a database under the name.
      Path partial = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".new");
      try {
        Files.copy(template, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("creating " + file + " from the schema template failed", e);
    }
  }

  /**
   * Whether the database at {@code url} holds exactly the template's migrations, all of them
   * successful; false too without a template or a history table.
   */
  static boolean upToDate(String url) {
    Optional<List<String>> expected = templateHistory();
    if (expected.isEmpty()) {
      return false;
    }
    try (Connection c = DriverManager.getConnection(url)) {
      return history(c).map(SqliteTemplate::sorted).equals(expected.map(SqliteTemplate::sorted));
    } catch (SQLException e) {
      throw new StorageException("reading the migration history of " + url, e);
    }
  }

  /**
   * Flyway's history as lines of {@code version checksum}, in the order applied; empty without a
   * history table or with a failed or unversioned entry (those are Flyway's to judge).
   */
  private static Optional<List<String>> history(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet table =
          s.executeQuery(
              "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
        if (!table.next()) {
          return Optional.empty();
        }
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet rows =
          s.executeQuery(
              "SELECT version, checksum, success FROM flyway_schema_history"
                  + " ORDER BY installed_rank")) {
        while (rows.next()) {
          String version = rows.getString(1);
          if (version == null || !rows.getBoolean(3)) {
            return Optional.empty();
          }
          lines.add(version + " " + rows.getString(2));
        }
      }
      return Optional.of(lines);
    }
  }

  /** Versions applied out of order (V22 after V27) are still the same migrations. */
  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }

  private static Optional<List<String>> templateHistory() {
    try (InputStream in = resource(HISTORY)) {
      if (in == null) {
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(text.lines().filter(line -> !line.isBlank()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + HISTORY, e);
    }
  }

  private static @Nullable InputStream resource(String name) {
    return SqliteTemplate.class.getClassLoader().getResourceAsStream(name);
  }
}
