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

/** Loads the configuration for a subcommand, or ends it with the located problems and exit 2. */
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
      throw new CommandLine.ExecutionException(cli, "invalid configuration", e);
    }
  }
}
