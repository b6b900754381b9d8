package dev.meister.bot.config;

import dev.meister.storage.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Meister keeps its state: a SQLite file ({@code storage.database}, or a {@code jdbc:sqlite:}
 * {@code storage.url}), read relative to the working directory, or a PostgreSQL database ({@code
 * storage.url: jdbc:postgresql://...} with {@code user} and {@code password}).
 *
 * @param instanceId this instance's name in the leader lease ({@code storage.instance_id}); empty
 *     for the host's name and the webhook port, unique per host and the same after a restart
 * @param lease how long the leader's lease runs without renewal ({@code storage.lease})
 * @param retention how long delivered messages, recorded successes and status posts are kept
 *     ({@code storage.retention}, default 30 days)
 */
public record StorageConfig(
    DatabaseTarget target, Optional<String> instanceId, Duration lease, Duration retention) {
  public static final Path DEFAULT_DATABASE = Path.of("./meister.db");
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /**
   * A follower takes over within this plus a fifth of it after the leader's last renewal: 12 s,
   * inside the 15 s the team asks for, while a renewal may be late by 8 s before the lead is lost.
   */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

  /** With the default lease and retention. */
  public StorageConfig(DatabaseTarget target) {
    this(target, Optional.empty(), DEFAULT_LEASE, DEFAULT_RETENTION);
  }

  public StorageConfig withRetention(Duration keep) {
    return new StorageConfig(target, instanceId, lease, keep);
  }

  /** Several instances may share the database, so they elect a leader: PostgreSQL only. */
  public boolean shared() {
    return !(target instanceof DatabaseTarget.SqliteFile);
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
