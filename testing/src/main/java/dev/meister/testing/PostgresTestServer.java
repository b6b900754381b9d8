package dev.meister.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server the tests run their PostgreSQL variants on, from the environment:
 *
 * <ul>
 *   <li>{@code MEISTER_TEST_PG_URL}: a JDBC URL of a database on it the tests may connect to, e.g.
 *       {@code jdbc:postgresql://127.0.0.1:5432/postgres}; the user must be allowed to create
 *       databases. Every test gets a database of its own ({@code meister_t_...}), dropped after.
 *   <li>{@code MEISTER_TEST_PG_USER} (default {@code postgres}), {@code MEISTER_TEST_PG_PASSWORD}.
 *   <li>{@code MEISTER_TEST_PG=off}: skip the PostgreSQL variants. Only this skips them: with no
 *       URL and no {@code off}, they fail, so CI cannot pass without PostgreSQL by accident.
 * </ul>
 *
 * <p>Fresh databases are copies of a template migrated once per test JVM ({@code CREATE DATABASE
 * ... TEMPLATE}, tens of milliseconds) rather than migrated for every test.
 */
public final class PostgresTestServer {
  public static final String URL_ENV = "MEISTER_TEST_PG_URL";
  public static final String USER_ENV = "MEISTER_TEST_PG_USER";
  public static final String PASSWORD_ENV = "MEISTER_TEST_PG_PASSWORD";
  public static final String SWITCH_ENV = "MEISTER_TEST_PG";

  private static final Map<String, String> TEMPLATES = new HashMap<>();
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
  private static @Nullable PostgresTestServer instance;

  private final String url;
  private final String user;
  private final @Nullable String password;

  private PostgresTestServer(String url, String user, @Nullable String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * The configured server; empty when {@code MEISTER_TEST_PG=off}.
   *
   * @throws IllegalStateException when neither a URL nor {@code off} is set
   */
  public static synchronized Optional<PostgresTestServer> configured() {
    String off = System.getenv(SWITCH_ENV);
    if (off != null && off.trim().toLowerCase(Locale.ROOT).equals("off")) {
      return Optional.empty();
    }
    if (instance == null) {
      String url = System.getenv(URL_ENV);
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(
            URL_ENV
                + " is not set: point it at a PostgreSQL server (e.g."
                + " jdbc:postgresql://127.0.0.1:5432/postgres; .ci/run starts one), or set "
                + SWITCH_ENV
                + "=off to skip the PostgreSQL variants");
      }
      String user = System.getenv(USER_ENV);
      instance =
          new PostgresTestServer(
              url.trim(),
              user == null || user.isBlank() ? "postgres" : user,
              System.getenv(PASSWORD_ENV));
      Runtime.getRuntime().addShutdownHook(new Thread(instance::dropAll, "drop-test-databases"));
    }
    return Optional.of(instance);
  }

  public String user() {
    return user;
  }

  public @Nullable String password() {
    return password;
  }

  /** The JDBC URL of {@code database} on this server, with the parameters of the configured URL. */
  public String urlOf(String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    String server = slash < 0 ? base : base.substring(0, slash);
    return server + "/" + database + params;
  }

  /** A new, empty database. */
  public String createEmpty() {
    return create(null);
  }

  /**
   * A new database copied from the template called {@code key}, which {@code migrate} fills (given
   * its JDBC URL) the first time it is asked for in this JVM; {@code migrate} must close every
   * connection it opened.
   */
  public String createFrom(String key, Consumer<String> migrate) {
    String template;
    synchronized (TEMPLATES) {
      template = TEMPLATES.get(key);
      if (template == null) {
        template = create(null);
        migrate.accept(urlOf(template));
        TEMPLATES.put(key, template);
      }
    }
    return create(template);
  }

  /** Drops a database made here; connections still open to it are ended. */
  public void drop(String database) {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    CREATED.remove(database);
  }

  private String create(@Nullable String template) {
    String name = "meister_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
    CREATED.add(name);
    return name;
  }

  private void admin(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on " + urlOf("") + " failed: " + e.getMessage(), e);
    }
  }

  private void dropAll() {
    for (String database : List.copyOf(CREATED)) {
      try {
        drop(database);
      } catch (RuntimeException e) {
        // Exiting anyway; a leftover meister_t_ database on a throw-away server harms nothing.
      }
    }
  }
}
