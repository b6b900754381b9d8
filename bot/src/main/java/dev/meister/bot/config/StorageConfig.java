package dev.meister.bot.config;

import dev.meister.storage.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Meister keeps its state: a SQLite file ({@code storage.database}, or a {@code jdbc:sqlite:}
 * {@code storage.url}), read relative to the working directory, or a PostgreSQL database ({@code
 * storage.url: jdbc:postgresql://...} with {@code user} and {@code password}).
 *
 * @param retention how long delivered messages, recorded successes and status posts are kept
 *     ({@code storage.retention}, default 30 days)
 */
public record StorageConfig(DatabaseTarget target, Duration retention) {
  public static final Path DEFAULT_DATABASE = Path.of("./meister.db");
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** With the default retention. */
  public StorageConfig(DatabaseTarget target) {
    this(target, DEFAULT_RETENTION);
  }

  public StorageConfig withRetention(Duration keep) {
    return new StorageConfig(target, keep);
  }

  public static StorageConfig defaults() {
    return sqlite(DEFAULT_DATABASE);
  }

  public static StorageConfig sqlite(Path file) {
    return new StorageConfig(new DatabaseTarget.SqliteFile(file));
  }

  /**
   * True when there may be data to read: a SQLite file that exists, or any PostgreSQL database.
   * One-shot commands open nothing otherwise, so asking creates no file.
   */
  public boolean mayHoldData() {
    return !(target instanceof DatabaseTarget.SqliteFile f) || Files.isRegularFile(f.file());
  }

  /** For answers such as "no database at ...": never carries a password. */
  public String describe() {
    return target.describe();
  }
}
