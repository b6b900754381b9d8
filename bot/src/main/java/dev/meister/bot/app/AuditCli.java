package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.action.ActionLog;
import dev.meister.core.filing.Csv;
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
 * {@code meister audit}: the audit trail of runbook actions, every step oldest first (who asked,
 * previewed, approved, denied, what ran and what came of it); with {@code --csv} as RFC 4180 CSV,
 * like the post-mortem log.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "The audit trail of runbook actions: when, request, alert, action, target, step, who,"
            + " detail.")
final class AuditCli implements Callable<Integer> {
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

  AuditCli(java.util.Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    List<List<String>> rows = new ArrayList<>();
    if (cfg.storage().mayHoldData()) {
      try (Storage storage = Storage.open(cfg.storage().target(), Clock.systemUTC())) {
        rows.addAll(new ActionLog(storage.actions(), cfg.team()).rows());
      }
    }
    String text = csv ? Csv.write(header(rows)) : text(rows);
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

  /** Without a database the trail is only its header. */
  private static List<List<String>> header(List<List<String>> rows) {
    return rows.isEmpty() ? List.of(dev.meister.core.action.AuditEntry.COLUMNS) : rows;
  }

  private static String text(List<List<String>> rows) {
    if (rows.size() <= 1) {
      return "No runbook actions yet.\n";
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows.subList(1, rows.size())) {
      // at, request, alert, action, target, event, by, detail
      sb.append(r.get(0))
          .append("  #")
          .append(r.get(1))
          .append(' ')
          .append(r.get(3))
          .append(" on ")
          .append(r.get(4))
          .append(" (alert #")
          .append(r.get(2))
          .append("): ")
          .append(r.get(5));
      if (!r.get(6).isEmpty()) {
        sb.append(" by ").append(r.get(6));
      }
      if (!r.get(7).isEmpty()) {
        sb.append(": ").append(r.get(7));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
