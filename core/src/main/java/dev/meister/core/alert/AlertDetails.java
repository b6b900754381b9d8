package dev.meister.core.alert;

import dev.meister.core.chat.RichText;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The lines under an alert's title saying what broke, one per attribute present. */
final class AlertDetails {
  /** Far below every platform's limit (Telegram 4,096) even with every attribute at the cap. */
  static final int CAP = 300;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Alert alert;
  private final RichText.Builder text;

  private AlertDetails(Alert alert, RichText.Builder text) {
    this.alert = alert;
    this.text = text;
  }

  /** Appends the build details, each line ending with a line break. */
  static void github(Alert alert, RichText.Builder text) {
    new AlertDetails(alert, text).github();
  }

  /** Appends the task details, each line ending with a line break; times shown in {@code zone}. */
  static void airflow(Alert alert, ZoneId zone, RichText.Builder text) {
    new AlertDetails(alert, text).airflow(zone);
  }

  static String cap(String value) {
    return value.length() <= CAP ? value : value.substring(0, CAP - 1) + "…";
  }

  private void github() {
    line("Repo: ", AlertAttributes.REPO);
    line("Branch: ", AlertAttributes.BRANCH);
    line("Event: ", AlertAttributes.EVENT);
    line("Attempt: ", AlertAttributes.RUN_ATTEMPT);
    line("Workflow: ", AlertAttributes.WORKFLOW_NAME);
    commit().ifPresent(c -> text.text("Commit: " + c).newline());
    url(AlertAttributes.RUN_URL).ifPresent(url -> text.link("Open the failing run", url).newline());
  }

  private Optional<String> commit() {
    List<String> parts = new ArrayList<>();
    attr(AlertAttributes.HEAD_SHA)
        .ifPresent(s -> parts.add(s.substring(0, Math.min(7, s.length()))));
    attr(AlertAttributes.COMMIT_MESSAGE)
        .map(m -> m.lines().findFirst().orElse(""))
        .filter(m -> !m.isBlank())
        .ifPresent(m -> parts.add(cap(m.strip())));
    attr(AlertAttributes.COMMIT_AUTHOR).ifPresent(a -> parts.add("(" + a + ")"));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
  }

  private void airflow(ZoneId zone) {
    String dag = attr(AlertAttributes.DAG_ID).orElse(null);
    if (dag != null) {
      text.text("DAG: ").code(dag).newline();
    }
    attr(AlertAttributes.TASK_ID).ifPresent(t -> text.text("Task: ").code(t).newline());
    line("Run: ", AlertAttributes.DAG_RUN_ID);
    attr(AlertAttributes.START_DATE)
        .ifPresent(s -> text.text("Started: " + started(s, zone)).newline());
    line("Try: ", AlertAttributes.TRY_NUMBER);
    line("Region: ", AlertAttributes.REGION);
    attr(AlertAttributes.EXCEPTION)
        .map(FailureSignature::headline)
        .filter(h -> !h.isEmpty())
        .ifPresent(h -> text.text("Error: " + cap(h)).newline());
    links(dag);
  }

  private void links(@Nullable String dag) {
    Optional<String> base = url(AlertAttributes.AIRFLOW_URL);
    Optional<String> runId = attr(AlertAttributes.DAG_RUN_ID);
    boolean any = false;
    if (base.isPresent() && dag != null && runId.isPresent()) {
      String root =
          base.get().endsWith("/") ? base.get().substring(0, base.get().length() - 1) : base.get();
      text.link(
          "Run",
          root
              + "/dags/"
              + PercentEncoding.encode(dag)
              + "/grid?dag_run_id="
              + PercentEncoding.encode(runId.get()));
      any = true;
    }
    Optional<String> log = url(AlertAttributes.LOG_URL);
    if (log.isPresent()) {
      text.text(any ? " · " : "").link("Log", log.get());
      any = true;
    }
    if (any) {
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

  private void line(String label, String attribute) {
    attr(attribute).ifPresent(v -> text.text(label + v).newline());
  }

  /** A link target: never capped, since a cut URL leads nowhere; it is not shown as text. */
  private Optional<String> url(String name) {
    return alert.attribute(name).filter(v -> !v.isBlank());
  }

  /** The attribute, capped, when present and not blank. */
  private Optional<String> attr(String name) {
    return alert.attribute(name).filter(v -> !v.isBlank()).map(AlertDetails::cap);
  }
}
