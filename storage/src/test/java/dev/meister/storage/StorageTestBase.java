package dev.meister.storage;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.schedule.RotationId;
import dev.meister.testing.PostgresTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a subclass twice: on a fresh SQLite file and on a fresh PostgreSQL database
 * ({@link PostgresTestServer}: {@code MEISTER_TEST_PG_URL}; without it the PostgreSQL runs fail
 * unless {@code MEISTER_TEST_PG=off}). Either can be reopened, as a restart would.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ParameterizedClass(name = "on {0}")
@EnumSource(Vendor.class)
abstract class StorageTestBase {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Set by JUnit for each run of the class; the default only satisfies the null checker. */
  @Parameter Vendor vendor = Vendor.SQLITE;

  @TempDir Path dir;
  Storage storage;

  /** The database of this test; {@link #reopen} opens it again. */
  DatabaseTarget target;

  private final List<String> databases = new ArrayList<>();
  private int sqliteFiles;

  @BeforeEach
  void open() {
    target = freshTarget(true);
    storage = Storage.open(target, CLOCK);
  }

  @AfterEach
  void close() {
    if (storage != null) {
      storage.close();
    }
    databases.forEach(db -> postgres().drop(db));
  }

  /** Closes and opens the same database again: what a restart of the bot sees. */
  void reopen() {
    storage.close();
    storage = Storage.open(target, CLOCK);
  }

  /**
   * Another database of this test's vendor, dropped after the test: migrated to the latest version,
   * or empty (no tables at all) for tests of an upgrade.
   */
  DatabaseTarget freshTarget(boolean migrated) {
    if (vendor == Vendor.SQLITE) {
      return new DatabaseTarget.SqliteFile(
          dir.resolve(sqliteFiles++ == 0 ? "meister.db" : "db-" + UUID.randomUUID() + ".db"));
    }
    PostgresTestServer server = postgres();
    String db =
        migrated
            ? server.createFrom("storage", url -> Database.open(pg(server, url)).close())
            : server.createEmpty();
    databases.add(db);
    return pg(server, server.urlOf(db));
  }

  /** The JDBC URL, user and password of a target, for tests that set a database up by hand. */
  static String jdbcUrl(DatabaseTarget t) {
    return t instanceof DatabaseTarget.Postgres p
        ? p.url()
        : DatabaseTarget.SQLITE_PREFIX + ((DatabaseTarget.SqliteFile) t).file().toAbsolutePath();
  }

  static Connection connect(DatabaseTarget t) throws SQLException {
    if (t instanceof DatabaseTarget.Postgres p) {
      return DriverManager.getConnection(p.url(), p.user(), p.password());
    }
    return DriverManager.getConnection(jdbcUrl(t));
  }

  private static DatabaseTarget.Postgres pg(PostgresTestServer server, String url) {
    return new DatabaseTarget.Postgres(url, server.user(), server.password());
  }

  private static PostgresTestServer postgres() {
    Optional<PostgresTestServer> server = PostgresTestServer.configured();
    Assumptions.assumeTrue(
        server.isPresent(),
        PostgresTestServer.SWITCH_ENV + "=off: the PostgreSQL runs are skipped");
    return server.get();
  }

  static Alert alert(String deliveryId) {
    return new Alert(
        null,
        "github:" + deliveryId,
        "gh:cryptokaizen/cmamp:fast_tests.yml",
        RotationId.of("buildmeister"),
        "builds",
        AlertPriority.NONE,
        "Build fail - cmamp fast (1234)",
        NOW,
        NOW.minusSeconds(90),
        GitHubRun.builder("cryptokaizen/cmamp")
            .branch("master")
            .commitMessage("say \"hi\" — ünï")
            .build());
  }
}
