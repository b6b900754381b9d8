package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.PlainTextRenderer;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.ScheduleCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meister schedule}: the next shifts of one rotation, printed. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "The next N shifts of a rotation, with weekend layer, overrides and Level 2.")
final class ScheduleCli implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ROTATION")
  String rotation;

  @Option(
      names = {"-n", "--next"},
      paramLabel = "N",
      defaultValue = "6",
      description = "how many shifts (1-200, default ${DEFAULT-VALUE})")
  int next;

  @Option(
      names = "--from",
      paramLabel = "ISO-INSTANT",
      converter = InstantConverter.class,
      description = "start from this instant instead of now")
  @Nullable Instant from;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  ScheduleCli(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (next < 1 || next > 200) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--next must be from 1 to 200");
    }
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    try (Meister meister = Meister.readOnly(cfg, Clock.systemUTC())) {
      Rotation r = Rotations.named(meister.directory(), rotation);
      Instant start = from != null ? from : meister.directory().now();
      ScheduleCommand command = new ScheduleCommand(meister.directory(), cfg.team());
      spec.commandLine()
          .getOut()
          .println(new PlainTextRenderer(cfg.team()).render(command.describe(r, start, next)));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
