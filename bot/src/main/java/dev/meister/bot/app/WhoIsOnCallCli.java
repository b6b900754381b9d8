package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.PlainTextRenderer;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.WhoIsOnCallCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meister whoisoncall}: the same answer as the chat command, printed. */
@Command(
    name = "whoisoncall",
    mixinStandardHelpOptions = true,
    description = "Who is on call now (or --at an instant), until when, and who is next.")
final class WhoIsOnCallCli implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ROTATION", description = "one rotation; all if none")
  @Nullable String rotation;

  @Option(
      names = "--at",
      paramLabel = "ISO-INSTANT",
      converter = InstantConverter.class,
      description = "e.g. 2026-12-24T18:00:00Z or 2026-12-24T18:00+01:00; default now")
  @Nullable Instant at;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  WhoIsOnCallCli(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    try (Meister meister = Meister.readOnly(cfg, Clock.systemUTC())) {
      List<Rotation> rotations =
          rotation == null
              ? meister.directory().rotations()
              : List.of(Rotations.named(meister.directory(), rotation));
      Instant when = at != null ? at : meister.directory().now();
      WhoIsOnCallCommand command = new WhoIsOnCallCommand(meister.directory(), cfg.team());
      spec.commandLine()
          .getOut()
          .println(new PlainTextRenderer(cfg.team()).render(command.describe(rotations, when)));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
