package dev.meister.bot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@code meister run} as a real process on the tests' class path, so SIGKILL kills it for real. */
final class RunProcess {
  private RunProcess() {}

  /**
   * @param env what the process gets on top of this one's environment (the config's secrets)
   * @param log where its output goes, for a failing test to be read
   */
  static Process start(Path config, Map<String, String> env, Path log) throws IOException {
    return start(config, env, log, System.getProperty("java.class.path"));
  }

  /** The same on {@code classPath}, e.g. without the tests' own resources. */
  static Process start(Path config, Map<String, String> env, Path log, String classPath)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-cp", classPath, Main.class.getName(), "run", "--config", config.toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }
}
