package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The YAML configuration loader on hostile files: every file loads, or fails with {@link
 * ConfigException} whose every problem has a line, a path and a message (what {@code meister
 * check-config} prints), never another exception or a hang.
 *
 * <p>Seeds: {@code ConfigLoaderFuzzTestInputs/}, the example configuration and the scenario tests'
 * files.
 */
class ConfigLoaderFuzzTest {
  private static final Path FILE = file();
  private static final ConfigLoader LOADER =
      new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "GITHUB_TOKEN", "ghp_x"));

  private static Path file() {
    try {
      Path dir = Files.createTempDirectory("meister-config-fuzz");
      dir.toFile().deleteOnExit();
      return dir.resolve("meister.yml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void every_file_loads_or_names_its_problems(byte[] yaml) throws IOException {
    Files.write(FILE, yaml);
    for (SecretPolicy policy : new SecretPolicy[] {SecretPolicy.OPTIONAL, SecretPolicy.REQUIRED}) {
      try {
        MeisterConfig config = LOADER.load(FILE, policy, w -> {});
        assertThat(config.team()).isNotNull();
      } catch (ConfigException e) {
        assertThat(e.problems()).isNotEmpty();
        for (ConfigProblem p : e.problems()) {
          assertThat(p.line()).as(p.format()).isPositive();
          assertThat(p.path()).as(p.format()).isNotBlank();
          assertThat(p.message()).as(p.format()).isNotBlank();
        }
      }
    }
  }
}
