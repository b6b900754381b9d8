package dev.meister.bot.app;

import dev.meister.bot.config.ConfigException;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.ConfigProblem;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Loads the configuration for a subcommand, or ends it with the located problems (printed once) and
 * exit 2.
 */
final class ConfigFile {
  private ConfigFile() {}

  static MeisterConfig load(
      CommandLine cli, Map<String, String> env, Path file, SecretPolicy policy) {
    try {
      return new ConfigLoader(env).load(file, policy);
    } catch (ConfigException e) {
      PrintWriter err = cli.getErr();
      for (ConfigProblem p : e.problems()) {
        err.println(p.format());
      }
      err.println("Fix the configuration, or run: meister check-config --config " + file);
      err.flush();
      // Printed once, above; Main turns this into exit code 2 without printing it again.
      throw new Rejected();
    }
  }

  /** The configuration was refused and its problems printed: exit 2, nothing more to say. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected() {
      super("invalid configuration", null, false, false);
    }
  }
}
