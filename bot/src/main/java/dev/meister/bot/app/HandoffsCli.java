package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.handoff.HandoffMessages;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.schedule.Rotation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meister handoffs --rotation R}: the recorded hand-offs of a rotation, newest first. */
@Command(
    name = "handoffs",
    mixinStandardHelpOptions = true,
    description =
        "The hand-off history of a rotation: who handed over to whom, who confirmed"
            + " when, reminders, escalation and the epic move; newest first.")
final class HandoffsCli implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = {"-r", "--rotation"},
      required = true,
      paramLabel = "ROTATION")
  String rotation;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "20",
      description = "how many to list (default ${DEFAULT-VALUE})")
  int limit;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  HandoffsCli(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    PrintWriter out = spec.commandLine().getOut();
    try (Meister meister = Meister.readOnly(cfg, Clock.systemUTC())) {
      Rotation r = Rotations.named(meister.directory(), rotation);
      if (!cfg.storage().mayHoldData()) {
        out.println("No hand-offs recorded yet (no database at " + cfg.storage().describe() + ").");
        out.flush();
        return 0;
      }
      List<HandoffRecord> history = meister.storage().handoffs().history(r.id(), limit);
      if (history.isEmpty()) {
        out.println("No hand-offs recorded yet for " + r.displayName() + ".");
      }
      for (HandoffRecord h : history) {
        out.println(HandoffMessages.statusLine(r, h));
      }
      out.flush();
      return 0;
    }
  }
}
