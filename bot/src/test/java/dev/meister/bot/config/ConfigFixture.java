package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a config text into a temporary directory and loads it. */
final class ConfigFixture {
  private final Path dir;

  ConfigFixture(Path dir) {
    this.dir = dir;
  }

  Path write(String yaml) {
    Path file = dir.resolve("meister.yml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  MeisterConfig load(String yaml) throws ConfigException {
    return new ConfigLoader(Map.of()).load(write(yaml), SecretPolicy.OPTIONAL, w -> {});
  }

  /** The problems, formatted, with the directory cut so they start with {@code meister.yml:}. */
  List<String> problems(String yaml) {
    return problems(yaml, Map.of(), SecretPolicy.OPTIONAL);
  }

  List<String> problems(String yaml, Map<String, String> env, SecretPolicy policy) {
    return exception(yaml, env, policy).problems().stream()
        .map(p -> p.format().substring(dir.toString().length() + 1))
        .toList();
  }

  ConfigException exception(String yaml, Map<String, String> env, SecretPolicy policy) {
    try {
      new ConfigLoader(env).load(write(yaml), policy, w -> {});
    } catch (ConfigException e) {
      return e;
    }
    return fail("expected the config to be rejected");
  }
}
