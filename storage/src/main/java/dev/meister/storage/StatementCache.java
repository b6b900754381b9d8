package dev.meister.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the prepared statements of SQLite's one connection for reuse: the stores prepare and close
 * a statement per call, and compiling one ({@code sqlite3_prepare}) took more CPU than running it.
 * An accepted webhook runs about twenty statements; profiling the intake showed more time in {@code
 * prepare_utf8} than in {@code step}.
 *
 * <p>{@link #wrap} gives a connection whose {@code prepareStatement(sql)} hands out a cached
 * statement when one for the same text is idle. Closing what it handed out gives the statement back
 * (its parameters cleared and any result set closed, which resets it) instead of finalising it. The
 * same text prepared twice at once gets two statements; the second is really closed on return if
 * the first is idle again by then. At most {@code capacity} texts are kept, the least recently used
 * is finalised first (a few stores build their SQL with a varying number of {@code ?}).
 *
 * <p>A statement that threw is not reused: sqlite-jdbc resets before each execution, but a failed
 * one may have been finalised by the driver, and errors are rare enough not to bother. PostgreSQL's
 * driver caches statements itself ({@code prepareThreshold}), so only SQLite is wrapped. The
 * connection is used under {@link Database}'s lock only, one thread at a time; this class still
 * synchronises its own map so a stray use cannot corrupt it.
 */
final class StatementCache implements InvocationHandler {
  private static final Logger log = LoggerFactory.getLogger(StatementCache.class);

  /** The proxies' methods whose access checks are off: a few hundred at most, one per method. */
  private static final Set<Method> UNCHECKED = ConcurrentHashMap.newKeySet();

  private final Connection target;
  private final Map<String, PreparedStatement> idle;
  private @Nullable Connection self;

  private StatementCache(Connection target, int capacity) {
    this.target = target;
    this.idle =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= capacity) {
              return false;
            }
            finalise(eldest.getValue());
            return true;
          }
        };
  }

  /** {@code connection} with its prepared statements kept for reuse, up to {@code capacity}. */
  static Connection wrap(Connection connection, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    StatementCache cache = new StatementCache(connection, capacity);
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(), new Class<?>[] {Connection.class}, cache);
    cache.self = proxy;
    return proxy;
  }

  /** How many statements are idle in the cache now: for tests. */
  synchronized int idleCount() {
    return idle.size();
  }

  /** The cache behind a connection {@link #wrap} made. */
  static StatementCache of(Connection wrapped) {
    return (StatementCache) Proxy.getInvocationHandler(wrapped);
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
      throws Throwable {
    String name = method.getName();
    if (name.equals("prepareStatement") && args != null && args.length == 1) {
      return lease((String) args[0]);
    }
    if (name.equals("close") && (args == null || args.length == 0)) {
      closeAll();
    }
    return call(target, method, args);
  }

  private synchronized PreparedStatement lease(String sql) throws SQLException {
    PreparedStatement statement = idle.remove(sql);
    if (statement == null || statement.isClosed()) {
      statement = target.prepareStatement(sql);
    }
    return (PreparedStatement)
        Proxy.newProxyInstance(
            StatementCache.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            new Lease(sql, statement));
  }

  private synchronized void giveBack(String sql, PreparedStatement statement) {
    if (idle.containsKey(sql)) {
      finalise(statement);
      return;
    }
    idle.put(sql, statement);
  }

  private synchronized void closeAll() {
    for (PreparedStatement statement : idle.values()) {
      finalise(statement);
    }
    idle.clear();
  }

  private static void finalise(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      log.debug("closing a cached statement failed", e);
    }
  }

  private static @Nullable Object call(Object target, Method method, Object @Nullable [] args)
      throws Throwable {
    if (!UNCHECKED.contains(method)) {
      // Every method here is public on a java.sql interface. Without this, each invoke checked
      // the caller's access again (slowVerifyAccess, 5% of the writer thread's Java samples).
      method.setAccessible(true);
      UNCHECKED.add(method);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() == null ? e : e.getCause();
    }
  }

  /** One use of a cached statement, from {@code prepareStatement} to {@code close}. */
  private final class Lease implements InvocationHandler {
    private final String sql;
    private final PreparedStatement statement;
    private final List<ResultSet> results = new ArrayList<>(1);
    private boolean returned;
    private boolean failed;

    Lease(String sql, PreparedStatement statement) {
      this.sql = sql;
      this.statement = statement;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
        throws Throwable {
      String name = method.getName();
      boolean noArgs = args == null || args.length == 0;
      if (name.equals("close") && noArgs) {
        release();
        return null;
      }
      if (name.equals("isClosed") && noArgs) {
        return returned || statement.isClosed();
      }
      if (name.equals("getConnection") && noArgs) {
        return self;
      }
      if (returned) {
        throw new SQLException("statement is closed");
      }
      Object result;
      try {
        result = call(statement, method, args);
      } catch (SQLException | RuntimeException e) {
        failed = true;
        throw e;
      }
      if (result instanceof ResultSet rs) {
        results.add(rs);
      }
      return result;
    }

    private void release() throws SQLException {
      if (returned) {
        return;
      }
      returned = true;
      if (failed || statement.isClosed()) {
        finalise(statement);
        return;
      }
      try {
        for (ResultSet rs : results) {
          rs.close();
        }
        statement.clearParameters();
      } catch (SQLException e) {
        finalise(statement);
        throw e;
      }
      giveBack(sql, statement);
    }
  }
}
