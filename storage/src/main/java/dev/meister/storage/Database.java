package dev.meister.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.meister.core.tx.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database, migrated on open: a SQLite file or a PostgreSQL server ({@link DatabaseTarget}). A
 * transaction started inside another on the same thread joins it, which is how several stores
 * commit together. Work may ask to be told when its transaction has committed ({@link
 * #afterCommit}): that is how queueing a message wakes the worker that delivers it, only once the
 * message is there to be read.
 *
 * <p>One transaction at a time in this process, on both vendors. SQLite has a single writer, so all
 * work runs on one connection. On PostgreSQL a pool (HikariCP) hands each outer transaction a
 * healthy connection (it replaces broken ones, keeps idle ones alive and retires old ones), but the
 * process still runs its transactions one after another under the same lock. That is on purpose:
 * the stores and the services above them read and then write (the first acknowledgement wins, a
 * step is done once, the next outbox entry of a chat is taken in order) and were written for
 * SQLite's single writer; serialising them here keeps that correct without SERIALIZABLE retries.
 * Between processes on one PostgreSQL, correctness rests on the unique keys every "once" has and
 * the {@code ON CONFLICT} the stores insert with; deciding which instance may run the workers is a
 * lease's job, not this class's (a lease would take its own connection from the pool, outside this
 * lock, and check its fencing token in the transaction that marks a message sent).
 */
public final class Database implements Transactions, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final DatabaseTarget target;
  private final Vendor vendor;

  /** SQLite's one connection; null on PostgreSQL. */
  private final @Nullable Connection sqlite;

  /** PostgreSQL's pool; null on SQLite. */
  private final @Nullable HikariDataSource pool;

  private final ReentrantLock lock = new ReentrantLock();

  /** The connection of the open transaction; guarded by {@link #lock}. */
  private @Nullable Connection current;

  /** Hooks of the open transaction, in the order they were added; guarded by {@link #lock}. */
  private final List<Runnable> afterCommit = new ArrayList<>();

  private boolean closed;

  /** Outer transactions committed since open; read without the lock. */
  private final AtomicLong commits = new AtomicLong();

  private Database(
      DatabaseTarget target, @Nullable Connection sqlite, @Nullable HikariDataSource pool) {
    this.target = target;
    this.vendor = target.vendor();
    this.sqlite = sqlite;
    this.pool = pool;
  }

  /** Opens (creating if needed) the SQLite database file and applies pending migrations. */
  public static Database open(Path file) {
    return open(new DatabaseTarget.SqliteFile(file));
  }

  /** Opens the database, creating a SQLite file if needed, and applies pending migrations. */
  public static Database open(DatabaseTarget target) {
    if (target instanceof DatabaseTarget.Postgres p) {
      return openPostgres(p);
    }
    return openSqlite(((DatabaseTarget.SqliteFile) target).file());
  }

  /** sqlite-jdbc's URL parameters for the connection Flyway migrates on (see openSqlite). */
  private static final String MIGRATION_PRAGMAS = "?journal_mode=WAL&synchronous=NORMAL";

  private static Database openSqlite(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("creating the folder of " + absolute + " failed", e);
    }
    String url = DatabaseTarget.SQLITE_PREFIX + absolute;
    // A new database is a copy of the build's template, and one that holds exactly its migrations
    // needs no Flyway (SqliteTemplate: half a second of a cold start).
    boolean created = SqliteTemplate.createFrom(absolute);
    if (SqliteTemplate.upToDate(url)) {
      log.debug("database {} {}: migrations up to date", absolute, created ? "created" : "found");
    } else {
      // WAL from the first migration on (the mode the bot runs in anyway, below), and no fsync per
      // migration: on an empty database the 27 migrations' commits cost more than half a second
      // of start-up in the default rollback journal. A migration lost to a power cut is still
      // atomic (WAL) and simply applied again, its history row being in the same transaction.
      migrate(Vendor.SQLITE, url + MIGRATION_PRAGMAS, null, null);
    }
    try {
      // Statements are compiled once and reused (see StatementCache): 256 covers every text.
      // No generated keys: sqlite-jdbc otherwise matches every statement against a pattern and
      // compiles and runs a "SELECT last_insert_rowid()" after each INSERT, four a webhook. The
      // stores read new ids with RETURNING (Sql.returnedId) and never call getGeneratedKeys.
      Properties options = new Properties();
      options.setProperty("jdbc.get_generated_keys", "false");
      Connection c = StatementCache.wrap(DriverManager.getConnection(url, options), 256);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        // FULL: a commit is on disk before the webhook gets its 2xx, even across a power loss.
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
        // Savepoints' statement journals in memory rather than in a temporary file opened and
        // deleted per transaction: the group commit runs every webhook in a savepoint, and this
        // alone took a fifth more intake a second (bench/run.sh, interleaved A/B).
        s.execute("PRAGMA temp_store=MEMORY");
      }
      c.setAutoCommit(false);
      log.info("database {} open", absolute);
      return new Database(new DatabaseTarget.SqliteFile(absolute), c, null);
    } catch (SQLException e) {
      throw new StorageException("opening database " + absolute, e);
    }
  }

  private static Database openPostgres(DatabaseTarget.Postgres target) {
    // Flyway takes PostgreSQL's advisory lock while it migrates: instances started together
    // migrate one after the other.
    migrate(Vendor.POSTGRESQL, target.url(), target.user(), target.password());
    HikariConfig config = new HikariConfig();
    config.setPoolName("meister-db");
    config.setJdbcUrl(target.url());
    if (target.user() != null) {
      config.setUsername(target.user());
    }
    if (target.password() != null) {
      config.setPassword(target.password());
    }
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // Transactions run one at a time (see the class comment): one connection in use, one spare
    // for a health check or a replacement while a broken one is retired.
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
    config.setValidationTimeout(TimeUnit.SECONDS.toMillis(3));
    config.setKeepaliveTime(TimeUnit.MINUTES.toMillis(2));
    config.setMaxLifetime(TimeUnit.MINUTES.toMillis(30));
    // PostgreSQL's own default (on) made explicit: a commit is on disk before the webhook's 2xx.
    config.addDataSourceProperty("options", "-c synchronous_commit=on");
    config.addDataSourceProperty("ApplicationName", "meister");
    try {
      HikariDataSource pool = new HikariDataSource(config);
      log.info("database {} open", target.describe());
      return new Database(target, null, pool);
    } catch (RuntimeException e) {
      throw new StorageException("opening database " + target.describe(), e);
    }
  }

  /** Flyway's migrations for {@code vendor}: every start on PostgreSQL, on SQLite when pending. */
  static void migrate(Vendor vendor, String url, @Nullable String user, @Nullable String password) {
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(url, user, password)
          .locations("classpath:" + vendor.migrations())
          // Versions are handed out to branches built side by side (V22 merged after V27): a
          // database migrated before a lower version arrived applies it instead of refusing.
          .outOfOrder(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StorageException("migrating database " + describe(vendor, url), e);
    }
  }

  private static String describe(Vendor vendor, String url) {
    if (vendor == Vendor.SQLITE) {
      return url.endsWith(MIGRATION_PRAGMAS)
          ? url.substring(0, url.length() - MIGRATION_PRAGMAS.length())
          : url;
    }
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** Where the data is: for logs and {@code check-config}; never carries a password. */
  public DatabaseTarget target() {
    return target;
  }

  public Vendor vendor() {
    return vendor;
  }

  /**
   * Runs {@code work} in a transaction, committing when it returns and rolling back when it throws.
   * Nested calls on the same thread join the outer transaction.
   */
  public <T> T transaction(String operation, SqlWork<T> work) {
    List<Runnable> committed = List.of();
    lock.lock();
    try {
      if (closed) {
        throw new StorageException(operation, new SQLException("the database is closed"));
      }
      boolean outer = lock.getHoldCount() == 1;
      Connection connection = outer ? begin(operation) : requireCurrent();
      try {
        T result = work.run(connection);
        if (outer) {
          connection.commit();
          commits.incrementAndGet();
          committed = takeHooks();
        }
        return result;
      } catch (SQLException e) {
        rollbackIf(outer, connection);
        throw new StorageException(operation, e);
      } catch (RuntimeException e) {
        rollbackIf(outer, connection);
        throw e;
      } finally {
        if (outer) {
          end(connection);
        }
      }
    } finally {
      lock.unlock();
      // Outside the lock: a hook may start work that reads the database from another thread.
      runHooks(committed);
    }
  }

  /** The connection for a new outer transaction; called under {@link #lock}. */
  private Connection begin(String operation) {
    if (sqlite != null) {
      current = sqlite;
      return sqlite;
    }
    try {
      Connection c = requirePool().getConnection();
      current = c;
      return c;
    } catch (SQLException e) {
      throw new StorageException(operation, e);
    }
  }

  /** Gives a pooled connection back once its transaction is over; called under {@link #lock}. */
  private void end(Connection connection) {
    current = null;
    if (connection == sqlite) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("returning a connection to the pool of {} failed", target.describe(), e);
    }
  }

  private Connection requireCurrent() {
    Connection c = current;
    if (c == null) {
      throw new IllegalStateException("a nested transaction without an open one");
    }
    return c;
  }

  private HikariDataSource requirePool() {
    HikariDataSource p = pool;
    if (p == null) {
      throw new IllegalStateException("no pool on " + vendor);
    }
    return p;
  }

  /**
   * Runs {@code hook} once the transaction open on this thread has committed, or never if it rolls
   * back; with no transaction open, at once. Hooks run on the committing thread after the commit,
   * so they must be quick (wake a worker, not do its work); one that throws is logged and the
   * others still run.
   */
  public void afterCommit(Runnable hook) {
    if (!lock.isHeldByCurrentThread()) {
      runHooks(List.of(hook));
      return;
    }
    afterCommit.add(hook);
  }

  /** How many transactions this process committed: one per {@link GroupCommit} batch. */
  long commits() {
    return commits.get();
  }

  /** How many hooks the open transaction has so far: a mark to {@link #dropHooksFrom} later. */
  int hookMark() {
    return afterCommit.size();
  }

  /** Forgets the hooks added since {@code mark}: their work was rolled back to a savepoint. */
  void dropHooksFrom(int mark) {
    afterCommit.subList(mark, afterCommit.size()).clear();
  }

  private List<Runnable> takeHooks() {
    if (afterCommit.isEmpty()) {
      return List.of();
    }
    List<Runnable> hooks = List.copyOf(afterCommit);
    afterCommit.clear();
    return hooks;
  }

  private void runHooks(List<Runnable> hooks) {
    for (Runnable hook : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        log.error("an after-commit hook on {} failed", target.describe(), e);
      }
    }
  }

  /** Like {@link #transaction} for work that returns nothing. */
  public void execute(String operation, SqlAction action) {
    transaction(
        operation,
        c -> {
          action.run(c);
          return Boolean.TRUE;
        });
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return transaction("transaction", c -> work.get());
  }

  private void rollbackIf(boolean outer, Connection connection) {
    if (!outer) {
      return;
    }
    afterCommit.clear();
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.error("rollback on {} failed", target.describe(), e);
    }
  }

  /** True when a trivial query answers: for health checks. */
  public boolean isReachable() {
    try {
      return transaction(
          "health check",
          c -> {
            try (Statement s = c.createStatement()) {
              return s.executeQuery("SELECT 1").next();
            }
          });
    } catch (StorageException e) {
      return false;
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        if (sqlite != null) {
          sqlite.close();
        }
        if (pool != null) {
          pool.close();
        }
      }
    } catch (SQLException e) {
      throw new StorageException("closing database " + target.describe(), e);
    } finally {
      lock.unlock();
    }
  }
}
