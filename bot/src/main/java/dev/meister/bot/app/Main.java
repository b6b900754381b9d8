package dev.meister.bot.app;

import picocli.CommandLine;

/** Entry point of the {@code meister} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The command line with every subcommand; tests run it with their own environment. */
  public static CommandLine commandLine(java.util.Map<String, String> env) {
    CommandLine cli = new CommandLine(new MeisterCli(), new EnvFactory(env));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          if (e instanceof ConfigFile.Rejected) {
            return 2;
          }
          throw e;
        });
    return cli;
  }
}
