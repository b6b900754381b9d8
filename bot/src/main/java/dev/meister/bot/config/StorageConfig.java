package dev.meister.bot.config;

import java.nio.file.Path;

/** Where Meister keeps its state; the database path is read relative to the working directory. */
public record StorageConfig(Path database) {
  public static final Path DEFAULT_DATABASE = Path.of("./meister.db");

  public static StorageConfig defaults() {
    return new StorageConfig(DEFAULT_DATABASE);
  }
}
