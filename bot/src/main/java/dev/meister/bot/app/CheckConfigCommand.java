package dev.meister.bot.app;

import dev.meister.bot.config.ConfigException;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.ConfigProblem;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.storage.Vendor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meister check-config}: every problem of a configuration file, located; exit 2 if any. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = "Validate a configuration file and print every problem as FILE:LINE: path: what.")
final class CheckConfigCommand implements Callable<Integer> {
  static final int INVALID = 2;

  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "the meister.yml to check")
  Path config;

  CheckConfigCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      MeisterConfig loaded = new ConfigLoader(env).load(config, SecretPolicy.REQUIRED);
      // Where the data goes, without connecting: a check must not create a database or need one.
      out.printf(
          "%s: OK (%d members, %d rotations, %d routes; storage %s %s)%n",
          config,
          loaded.team().members().size(),
          loaded.rotations().size(),
          loaded.routes().size(),
          loaded.storage().target().vendor() == Vendor.POSTGRESQL ? "PostgreSQL" : "SQLite",
          loaded.storage().describe());
      out.flush();
      return 0;
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        err.println(p.format());
      }
      err.printf("%d problem%s found.%n", e.problems().size(), e.problems().size() == 1 ? "" : "s");
      err.flush();
      return INVALID;
    }
  }
}
