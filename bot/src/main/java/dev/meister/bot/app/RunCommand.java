package dev.meister.bot.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meister run}: the long-running bot. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the bot: webhook intake, chat adapters, delivery.")
final class RunCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE")
  Path config;

  RunCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("wired below");
  }
}
