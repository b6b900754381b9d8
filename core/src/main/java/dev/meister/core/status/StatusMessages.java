package dev.meister.core.status;

import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The status post's text. Failed stages come first, in bold with the failing tasks named, so nobody
 * scrolls past a failure; then every other stage in board order with its emoji.
 */
public final class StatusMessages {
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);

  /** Failing tasks named per stage; a fan-out of mapped failures is summarised beyond this. */
  private static final int MAX_FAILURES_NAMED = 5;

  private StatusMessages() {}

  /**
   * The post for {@code snapshot}. When it holds a problem, {@code lastKnown} (an earlier report of
   * the same board) is shown beneath the warning, marked with its time.
   */
  public static RichText render(StatusSnapshot snapshot, @Nullable StatusReport lastKnown) {
    StatusReport report = snapshot.report();
    if (report != null) {
      return report(report);
    }
    StatusBoard board = snapshot.board();
    RichText.Builder text = RichText.builder();
    if (lastKnown != null) {
      header(text, lastKnown);
    } else {
      text.bold(board.name()).newline();
    }
    text.emoji("warning")
        .text(
            " Cannot read the run from Airflow ("
                + time(snapshot.at(), board)
                + "): "
                + snapshot.problem())
        .newline();
    if (lastKnown != null) {
      text.text("Last known, as of " + time(lastKnown.observedAt(), board) + ":").newline();
      stages(text, lastKnown);
    }
    return withoutLastBreak(text.build());
  }

  /** The post for a report. */
  public static RichText report(StatusReport report) {
    RichText.Builder text = RichText.builder();
    header(text, report);
    stages(text, report);
    DagRun run = report.run();
    if (run.state().isFinal() && run.endDate() != null) {
      text.text(
              "Run "
                  + (run.state() == RunState.SUCCESS ? "succeeded" : "failed")
                  + " at "
                  + time(run.endDate(), report.board()))
          .newline();
    }
    return withoutLastBreak(text.build());
  }

  /** Lines end in a break; the message does not, or chats show an empty last line. */
  private static RichText withoutLastBreak(RichText text) {
    List<Span> spans = text.spans();
    if (!spans.isEmpty() && spans.get(spans.size() - 1) instanceof Span.LineBreak) {
      return new RichText(spans.subList(0, spans.size() - 1));
    }
    return text;
  }

  private static void header(RichText.Builder text, StatusReport report) {
    StatusBoard board = report.board();
    DagRun run = report.run();
    text.bold(board.name());
    if (!board.name().equals(board.dagId())) {
      text.text(" (").code(board.dagId()).text(")");
    }
    Instant date = run.date();
    text.text(date == null ? " run " : " run of " + DAY_TIME.format(date.atZone(board.zone())))
        .text(": " + runState(run.state()))
        .newline();
  }

  private static void stages(RichText.Builder text, StatusReport report) {
    for (StageStatus failed : report.failed()) {
      text.emoji(StageState.FAILED.emoji()).text(" ").bold(failed.stage().name()).text(" failed: ");
      failures(text, failed.failures());
      text.newline();
    }
    for (StageStatus s : report.stages()) {
      if (s.state() == StageState.FAILED) {
        continue;
      }
      // Seed 001's line: ":white_check_mark: *Contracts* were calculated and loaded".
      text.emoji(s.state().emoji()).text(" ").bold(s.stage().name());
      text.text((s.state() == StageState.NO_TASKS ? ": " : " ") + s.state().label());
      if (s.state() == StageState.CALCULATING && s.total() > 1) {
        text.text(" (" + s.done() + "/" + s.total() + " tasks done)");
      }
      if (s.state() == StageState.NO_TASKS) {
        text.text(" (");
        List<TaskSelector> selectors = new ArrayList<>(s.stage().calculate());
        selectors.addAll(s.stage().load());
        text.code(selectors.stream().map(TaskSelector::toString).collect(Collectors.joining(", ")))
            .text(")");
      }
      text.newline();
    }
  }

  private static void failures(RichText.Builder text, List<TaskRun> failures) {
    int named = Math.min(failures.size(), MAX_FAILURES_NAMED);
    for (int i = 0; i < named; i++) {
      TaskRun t = failures.get(i);
      if (i > 0) {
        text.text(", ");
      }
      text.code(t.label()).text(" " + t.state().airflowName());
    }
    if (failures.size() > named) {
      text.text(" and " + (failures.size() - named) + " more");
    }
  }

  private static String runState(RunState state) {
    return switch (state) {
      case QUEUED -> "queued";
      case RUNNING -> "running";
      case SUCCESS -> "succeeded";
      default -> "failed";
    };
  }

  private static String time(Instant at, StatusBoard board) {
    return TIME.format(at.atZone(board.zone()));
  }
}
