package dev.meister.storage;

import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which database Meister keeps its state in: a SQLite file (the embedded default, one instance) or
 * a PostgreSQL server (shared, so several instances can run on it).
 */
public sealed interface DatabaseTarget permits DatabaseTarget.SqliteFile, DatabaseTarget.Postgres {
  /** The prefix of a PostgreSQL JDBC URL. */
  String POSTGRES_PREFIX = "jdbc:postgresql:";

  /** The prefix of a SQLite JDBC URL; what follows is the file's path. */
  String SQLITE_PREFIX = "jdbc:sqlite:";

  /** For logs and answers: never carries a password. */
  String describe();

  Vendor vendor();

  /** A SQLite database file, read relative to the working directory. */
  record SqliteFile(Path file) implements DatabaseTarget {
    @Override
    public String describe() {
      return file.toString();
    }

    @Override
    public Vendor vendor() {
      return Vendor.SQLITE;
    }
  }

  /**
   * A PostgreSQL database, e.g. {@code jdbc:postgresql://db:5432/meister}. The password comes from
   * the environment and is left out of {@link #toString} and {@link #describe}.
   */
  record Postgres(String url, @Nullable String user, @Nullable String password)
      implements DatabaseTarget {
    public Postgres {
      if (!url.startsWith(POSTGRES_PREFIX)) {
        throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
      }
    }

    @Override
    public String describe() {
      // The URL itself may carry ?password=...: show only what comes before its parameters.
      int query = url.indexOf('?');
      return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public Vendor vendor() {
      return Vendor.POSTGRESQL;
    }

    @Override
    public String toString() {
      return "Postgres[" + describe() + (user == null ? "" : ", user " + user) + "]";
    }
  }

  /**
   * Reads a JDBC URL: {@code jdbc:sqlite:PATH} or {@code jdbc:postgresql://...}.
   *
   * @throws IllegalArgumentException for any other URL, with a message that can be shown as is
   */
  static DatabaseTarget ofUrl(String url, @Nullable String user, @Nullable String password) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith(SQLITE_PREFIX)) {
      String file = url.substring(SQLITE_PREFIX.length());
      if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
        throw new IllegalArgumentException(
            "a jdbc:sqlite: URL must name a file, e.g. jdbc:sqlite:./meister.db");
      }
      return new SqliteFile(Path.of(file));
    }
    if (lower.startsWith(POSTGRES_PREFIX)) {
      return new Postgres(url, user, password);
    }
    throw new IllegalArgumentException(
        "must be jdbc:postgresql://HOST:PORT/DATABASE or jdbc:sqlite:FILE");
  }
}
