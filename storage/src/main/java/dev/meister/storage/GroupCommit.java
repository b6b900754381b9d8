package dev.meister.storage;

import dev.meister.core.tx.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions from many threads committed together: one writer thread takes whatever work is
 * waiting (up to {@code maxBatch}), runs each piece in its own savepoint inside one transaction and
 * commits once. A caller returns only after the commit, so its work is durable; a piece that throws
 * is rolled back alone and its caller gets the exception, and so are the {@link
 * Database#afterCommit after-commit hooks} it added. One fsync per batch rather than per caller is
 * what lets intake stay durable at thousands of webhooks a second.
 */
public final class GroupCommit implements Transactions, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final long TIMEOUT_SECONDS = 30;
  private static final String SET_SAVEPOINT = "SAVEPOINT meister_intake";
  private static final String RELEASE_SAVEPOINT = "RELEASE SAVEPOINT meister_intake";
  private static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT meister_intake";

  private final Database db;
  private final int maxBatch;
  private final BlockingQueue<Work<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  private record Work<T>(Supplier<T> supplier, CompletableFuture<T> result) {}

  public GroupCommit(Database db, int maxBatch) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.writer = new Thread(this::writeLoop, "meister-group-commit");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (Thread.currentThread() == writer) {
      return work.get();
    }
    if (!running) {
      throw new StorageException("group commit", new SQLException("the database is closing"));
    }
    Work<T> w = new Work<>(work, new CompletableFuture<>());
    queue.add(w);
    try {
      return w.result().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new StorageException("group commit", cause == null ? e : cause);
    } catch (TimeoutException e) {
      throw new StorageException("group commit", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("group commit", e);
    }
  }

  /** Pieces waiting for the writer: for tests. */
  int waiting() {
    return queue.size();
  }

  private void writeLoop() {
    List<Work<?>> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Work<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("group commit of {} pieces failed", batch.size(), e);
        batch.forEach(w -> w.result().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Work<?>> batch) {
    List<Runnable> completions = new ArrayList<>(batch.size());
    db.execute(
        "committing " + batch.size() + " intakes",
        c -> {
          for (Work<?> w : batch) {
            completions.add(runInSavepoint(db, c, w));
          }
        });
    completions.forEach(Runnable::run);
  }

  private static <T> Runnable runInSavepoint(Database db, Connection c, Work<T> w)
      throws SQLException {
    run(c, SET_SAVEPOINT);
    int hooks = db.hookMark();
    try {
      T value = w.supplier().get();
      run(c, RELEASE_SAVEPOINT);
      return () -> w.result().complete(value);
    } catch (RuntimeException e) {
      run(c, ROLLBACK_TO_SAVEPOINT);
      run(c, RELEASE_SAVEPOINT);
      db.dropHooksFrom(hooks);
      return () -> w.result().completeExceptionally(e);
    }
  }

  /**
   * Savepoints by SQL text, prepared like any statement (and so kept by SQLite's StatementCache),
   * rather than by {@link Connection#setSavepoint()}: sqlite-jdbc formats a new name and compiles a
   * new statement for every set and release, two compilations per webhook on the writer thread.
   */
  private static void run(Connection c, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.execute();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
