package dev.meister.bot.app;

import dev.meister.bot.airflow.AirflowClient;
import dev.meister.bot.airflow.AirflowClients;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.StatusPostConfig;
import dev.meister.core.schedule.CachedOverrideStore;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.OverrideStore;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusCommand;
import dev.meister.core.status.StatusReader;
import dev.meister.storage.DatabaseTarget;
import dev.meister.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bot assembled from its configuration: storage, the on-call directory and the chat commands.
 * Adapters and the webhook server are attached by {@code run}; the demo attaches the console.
 */
final class Meister implements AutoCloseable {
  private final MeisterConfig config;
  private final OnCallDirectory directory;
  private final @Nullable Storage storage;
  private final StatusReader statusReader;
  private final OverrideStore overrides;

  /** One client per Airflow instance, shared by /status, the status posts and the SLA checks. */
  private final Map<String, AirflowClient> airflow;

  private Meister(
      MeisterConfig config, OverrideStore overrides, Clock clock, @Nullable Storage storage) {
    this.config = config;
    this.airflow = AirflowClients.of(config.airflow());
    this.statusReader =
        new StatusReader(new java.util.LinkedHashMap<String, DagRunSource>(airflow), clock);
    this.overrides = overrides;
    this.directory =
        new OnCallDirectory(
            config.rotations(),
            overrides,
            new ScheduleChanges(config.overrides(), java.util.List.of(), config.unavailability()),
            clock);
    this.storage = storage;
  }

  /** Opens (and creates, migrating if needed) the database at {@code database}. */
  static Meister open(MeisterConfig config, Path database, Clock clock) {
    return open(config, new DatabaseTarget.SqliteFile(database), clock);
  }

  /** Opens (and migrates if needed) the SQLite file or the PostgreSQL database. */
  static Meister open(MeisterConfig config, DatabaseTarget database, Clock clock) {
    Storage storage = Storage.open(database, clock);
    return new Meister(config, new CachedOverrideStore(storage.overrides()), clock, storage);
  }

  /**
   * For one-shot queries: reads the configured database when it exists and creates nothing, so
   * asking who is on call never leaves a database file behind.
   */
  static Meister readOnly(MeisterConfig config, Clock clock) {
    if (config.storage().mayHoldData()) {
      return open(config, config.storage().target(), clock);
    }
    return new Meister(config, new EmptyOverrideStore(), clock, null);
  }

  OnCallDirectory directory() {
    return directory;
  }

  MeisterConfig config() {
    return config;
  }

  /**
   * Where schedule changes made in chat are written: through the directory's cache, so {@code
   * /whoisoncall} shows them at once.
   */
  OverrideStore overrides() {
    return overrides;
  }

  /** The configured Airflow instances' clients, by instance name. */
  Map<String, AirflowClient> airflow() {
    return airflow;
  }

  /** Reads the configured DAGs' runs from their Airflow instances. */
  StatusReader statusReader() {
    return statusReader;
  }

  /** {@code /status}, over the configured status posts; the CLI prints the same. */
  StatusCommand statusCommand() {
    List<StatusBoard> boards = config.statusPosts().stream().map(p -> p.plan().board()).toList();
    return new StatusCommand(boards, statusReader);
  }

  /** The status posts' plans, for the daily posts. */
  List<StatusPostConfig> statusPosts() {
    return config.statusPosts();
  }

  /** The open storage; one-shot queries without a database file have none. */
  Storage storage() {
    if (storage == null) {
      throw new IllegalStateException("no database is open");
    }
    return storage;
  }

  @Override
  public void close() {
    airflow.values().forEach(AirflowClient::close);
    if (storage != null) {
      storage.close();
    }
  }
}
