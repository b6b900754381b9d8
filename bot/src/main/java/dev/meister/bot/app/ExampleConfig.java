package dev.meister.bot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds {@code examples/meister.yml}: beside the launcher (the {@code meister.home} property the
 * {@code meister} script sets), in the working folder, or else the copy bundled in the jar.
 */
final class ExampleConfig {
  static final String NAME = "examples/meister.yml";

  private ExampleConfig() {}

  static Path locate() {
    String home = System.getProperty("meister.home");
    if (home != null && Files.isRegularFile(Path.of(home, NAME))) {
      return Path.of(home, NAME);
    }
    if (Files.isRegularFile(Path.of(NAME))) {
      return Path.of(NAME);
    }
    return extractBundled();
  }

  private static Path extractBundled() {
    try (InputStream in = ExampleConfig.class.getResourceAsStream("/" + NAME)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + NAME + "; pass --config FILE");
      }
      Path file = Files.createTempFile("meister-example", ".yml");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract the bundled example configuration", e);
    }
  }
}
