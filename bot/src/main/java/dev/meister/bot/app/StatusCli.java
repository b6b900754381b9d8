package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.PlainTextRenderer;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusCommand;
import dev.meister.core.status.StatusMessages;
import dev.meister.core.status.StatusSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meister status}: the same post as {@code /status}, printed. Exits 1 when Airflow could not
 * be read for some DAG, so scripts can tell.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Where the latest run of a configured DAG stands, stage by stage.")
final class StatusCli implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = "--dag",
      paramLabel = "DAG",
      description = "a DAG id or status post name from status_posts; all of them if none")
  @Nullable String dag;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  StatusCli(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    // Chat tokens are not needed to print; an unset Airflow token shows as Airflow refusing.
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    PrintWriter out = spec.commandLine().getOut();
    try (Meister meister = Meister.readOnly(cfg, Clock.systemUTC())) {
      StatusCommand command = meister.statusCommand();
      List<StatusBoard> boards;
      try {
        boards = command.selected(dag == null ? List.of() : List.of(dag));
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        spec.commandLine().getErr().flush();
        return 2;
      }
      PlainTextRenderer renderer = new PlainTextRenderer(cfg.team());
      int exit = 0;
      for (int i = 0; i < boards.size(); i++) {
        StatusSnapshot snapshot = meister.statusReader().read(boards.get(i));
        if (snapshot.report() == null) {
          exit = 1;
        }
        if (i > 0) {
          out.println();
        }
        out.println(renderer.render(StatusMessages.render(snapshot, null)));
      }
      out.flush();
      return exit;
    }
  }
}
