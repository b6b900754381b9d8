package dev.meister.storage;

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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite database file, migrated on open. SQLite has a single writer, so all work runs on one
 * connection, one transaction at a time; a transaction started inside another on the same thread
 * joins it, which is how several stores commit together. Work may ask to be told when its
 * transaction has committed ({@link #afterCommit}): that is how queueing a message wakes the worker
 * that delivers it, only once the message is there to be read.
 */
public final class Database implements Transactions, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  /** Hooks of the open transaction, in the order they were added; guarded by {@link #lock}. */
  private final List<Runnable> afterCommit = new ArrayList<>();

  private boolean closed;

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  public static Database open(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("creating the folder of " + absolute + " failed", e);
    }
    String url = "jdbc:sqlite:" + absolute;
    migrate(url);
    try {
      Connection c = DriverManager.getConnection(url);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        // FULL: a commit is on disk before the webhook gets its 2xx, even across a power loss.
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
      }
      c.setAutoCommit(false);
      log.info("database {} open", absolute);
      return new Database(absolute, c);
    } catch (SQLException e) {
      throw new StorageException("opening database " + absolute, e);
    }
  }

  private static void migrate(String url) {
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StorageException("migrating database " + url, e);
    }
  }

  public Path file() {
    return file;
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
      try {
        T result = work.run(connection);
        if (outer) {
          connection.commit();
          committed = takeHooks();
        }
        return result;
      } catch (SQLException e) {
        rollbackIf(outer);
        throw new StorageException(operation, e);
      } catch (RuntimeException e) {
        rollbackIf(outer);
        throw e;
      }
    } finally {
      lock.unlock();
      // Outside the lock: a hook may start work that reads the database from another thread.
      runHooks(committed);
    }
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
        log.error("an after-commit hook on {} failed", file, e);
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

  private void rollbackIf(boolean outer) {
    if (!outer) {
      return;
    }
    afterCommit.clear();
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.error("rollback on {} failed", file, e);
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
        connection.close();
      }
    } catch (SQLException e) {
      throw new StorageException("closing database " + file, e);
    } finally {
      lock.unlock();
    }
  }
}
