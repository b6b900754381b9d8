package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.action.ActionLog;
import dev.meister.core.filing.Break;
import dev.meister.core.filing.BreakLog;
import dev.meister.storage.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meister postmortem}: the post-mortem log, every break newest first; with {@code --csv} as
 * RFC 4180 CSV a spreadsheet opens as is.
 */
@Command(
    name = "postmortem",
    mixinStandardHelpOptions = true,
    description =
        "The post-mortem log: date, repo or DAG, test type, link, reason, issue,"
            + " solution and runbook actions of every break.")
final class PostmortemCli implements Callable<Integer> {
  private final java.util.Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  @Option(names = "--csv", description = "write CSV (RFC 4180) instead of a text list")
  boolean csv;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "write to FILE instead of standard output")
  @Nullable Path output;

  PostmortemCli(java.util.Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    List<Break> breaks = new ArrayList<>();
    if (cfg.storage().mayHoldData()) {
      try (Storage storage = Storage.open(cfg.storage().target(), Clock.systemUTC())) {
        breaks.addAll(
            new BreakLog(
                    storage.alerts(),
                    storage.issueLinks(),
                    storage.resolutions(),
                    new ActionLog(storage.actions(), cfg.team()))
                .all());
      }
    }
    String text = csv ? csv(breaks) : text(breaks);
    if (output != null) {
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("writing " + output + " failed", e);
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    return 0;
  }

  static String csv(List<Break> breaks) {
    return Break.csv(breaks);
  }

  private static String text(List<Break> breaks) {
    if (breaks.isEmpty()) {
      return "No breaks logged yet.\n";
    }
    StringBuilder sb = new StringBuilder();
    for (Break b : breaks) {
      List<String> r = b.row();
      sb.append(r.get(0))
          .append("  #")
          .append(b.alert().storedId())
          .append(' ')
          .append(b.alert().title())
          .append('\n');
      sb.append("    ")
          .append(
              b.resolved().map(x -> x.reason() + " → " + x.solution()).orElse("not resolved yet"));
      b.issueLink().ifPresent(l -> sb.append("  ").append(l.issue().url()));
      sb.append('\n');
      for (String action : b.actions()) {
        sb.append("    action: ").append(action).append('\n');
      }
    }
    return sb.toString();
  }
}
