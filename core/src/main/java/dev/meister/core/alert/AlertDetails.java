package dev.meister.core.alert;

import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lines under an alert's title saying what broke, one per attribute present. */
final class AlertDetails {
  /** Far below every platform's limit (Telegram 4,096) even with every attribute at the cap. */
  static final int CAP = 300;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final RichText.Builder text;

  private AlertDetails(RichText.Builder text) {
    this.text = text;
  }

  /** Appends the build details, each line ending with a line break. */
  static RichText.Builder github(GitHubRun run, RichText.Builder text) {
    new AlertDetails(text).github(run);
    return text;
  }

  /** Appends the task details, each line ending with a line break; times shown in {@code zone}. */
  static RichText.Builder airflow(AirflowTask task, ZoneId zone, RichText.Builder text) {
    new AlertDetails(text).airflow(task, zone);
    return text;
  }

  static String cap(String value) {
    return value.length() <= CAP ? value : value.substring(0, CAP - 1) + "…";
  }

  private void github(GitHubRun run) {
    // Seed 002: "A notification contains: Failing tests type: fast/slow/super-slow, Repo, Branch,
    // Event, Link to a failing run". The title has the type too, but a configured title may not.
    line("Failing tests type: ", run.testType());
    line("Repo: ", Optional.of(run.repo()));
    line("Branch: ", run.branch());
    line("Event: ", run.event());
    line("Attempt: ", run.runAttempt().map(String::valueOf));
    line("Workflow: ", run.workflowName());
    commit(run).ifPresent(c -> text.text("Commit: " + c).newline());
    run.runUrl().ifPresent(url -> text.link("Open the failing run", url).newline());
  }

  private static Optional<String> commit(GitHubRun run) {
    List<String> parts = new ArrayList<>();
    run.headSha().ifPresent(s -> parts.add(s.substring(0, Math.min(7, s.length()))));
    run.commitMessage()
        .map(m -> m.lines().findFirst().orElse(""))
        .filter(m -> !m.isBlank())
        .ifPresent(m -> parts.add(cap(m.strip())));
    run.commitAuthor().map(AlertDetails::cap).ifPresent(a -> parts.add("(" + a + ")"));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
  }

  private void airflow(AirflowTask task, ZoneId zone) {
    // Seed 000: "A notification contains: DAG start timestamp, Link fo broken DAG". The try's own
    // start stays beside its number: a retry hours after the run began is worth seeing too.
    text.text("DAG: ").code(cap(task.dagId())).newline();
    task.taskId().map(AlertDetails::cap).ifPresent(t -> text.text("Task: ").code(t).newline());
    line("Run: ", task.dagRunId());
    task.dagRunStartDate().ifPresent(s -> text.text("DAG started: " + started(s, zone)).newline());
    tryLine(task, zone);
    line("Region: ", task.region());
    task.exception()
        .map(FailureSignature::headline)
        .filter(h -> !h.isEmpty())
        .ifPresent(h -> text.text("Error: " + cap(h)).newline());
    links(task);
  }

  /** "Try 2 started: …", or "Try: 2" or "Task started: …" with only one of them known. */
  private void tryLine(AirflowTask task, ZoneId zone) {
    Optional<String> start = task.startDate().map(s -> started(s, zone));
    Optional<Integer> tryNumber = task.tryNumber();
    if (tryNumber.isPresent() && start.isPresent()) {
      text.text("Try " + tryNumber.get() + " started: " + start.get()).newline();
    } else if (tryNumber.isPresent()) {
      text.text("Try: " + tryNumber.get()).newline();
    } else {
      start.ifPresent(s -> text.text("Task started: " + s).newline());
    }
  }

  private void links(AirflowTask task) {
    List<Span.Link> links = new ArrayList<>();
    task.dagRunUrl().ifPresent(url -> links.add(new Span.Link("Broken DAG run", url)));
    task.logUrl().ifPresent(url -> links.add(new Span.Link("Log", url)));
    task.notebookUrl().ifPresent(url -> links.add(new Span.Link("QA notebook", url)));
    for (int i = 0; i < links.size(); i++) {
      if (i > 0) {
        text.text(" · ");
      }
      text.link(links.get(i).label(), links.get(i).url());
    }
    if (!links.isEmpty()) {
      text.newline();
    }
  }

  /** {@code 2026-11-20 04:00 CET (03:00 UTC)}; unparseable text as is. */
  private static String started(String iso, ZoneId zone) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(iso.strip().replace(' ', 'T'));
      return t.atZoneSameInstant(zone).format(LOCAL)
          + " ("
          + t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_TIME)
          + " UTC)";
    } catch (DateTimeParseException e) {
      return cap(iso);
    }
  }

  /** A line for a fact, capped, when present. */
  private void line(String label, Optional<String> value) {
    value.map(AlertDetails::cap).ifPresent(v -> text.text(label + v).newline());
  }
}
