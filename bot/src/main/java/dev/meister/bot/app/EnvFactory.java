package dev.meister.bot.app;

import java.util.Map;
import picocli.CommandLine;

/**
 * Creates the subcommands with the process environment handed in, so that only {@code Main} reads
 * {@code System.getenv()} and tests can pass their own.
 */
final class EnvFactory implements CommandLine.IFactory {
  private final Map<String, String> env;

  EnvFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      return cls.getDeclaredConstructor(Map.class).newInstance(env);
    } catch (NoSuchMethodException noEnvConstructor) {
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
