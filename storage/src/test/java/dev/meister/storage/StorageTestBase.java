package dev.meister.storage;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.schedule.RotationId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;

/** Opens a fresh SQLite file per test and can reopen it, as a restart would. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class StorageTestBase {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  Storage storage;

  @BeforeEach
  void open() {
    storage = Storage.open(dir.resolve("meister.db"), CLOCK);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  /** Closes and opens the same file again: what a restart of the bot sees. */
  void reopen() {
    storage.close();
    storage = Storage.open(dir.resolve("meister.db"), CLOCK);
  }

  static Alert alert(String deliveryId) {
    return new Alert(
        null,
        "github:" + deliveryId,
        "gh:cryptokaizen/cmamp:fast_tests.yml",
        RotationId.of("buildmeister"),
        "builds",
        AlertPriority.NONE,
        "Build fail - cmamp fast (1234)",
        NOW,
        NOW.minusSeconds(90),
        GitHubRun.builder("cryptokaizen/cmamp")
            .branch("master")
            .commitMessage("say \"hi\" — ünï")
            .build());
  }
}
