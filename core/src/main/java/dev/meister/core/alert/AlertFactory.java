package dev.meister.core.alert;

import dev.meister.core.schedule.RotationId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Makes the alert to store from a failed pipeline event: its title, fingerprint and test type. */
public final class AlertFactory {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TestTypes testTypes;

  public AlertFactory(TestTypes testTypes) {
    this.testTypes = testTypes;
  }

  /** A new, unstored alert for {@code e}, received when the event occurred. */
  public Alert create(RunEvent e, @Nullable RotationId rotation, AlertPriority priority) {
    record Made(AlertOrigin origin, String title, String fingerprint) {}
    Made made =
        e.origin()
            .match(
                run -> {
                  String testType =
                      testTypes.typeOf(
                          run.workflowPath().orElse(null), run.workflowName().orElse(null));
                  return new Made(
                      run.withTestType(testType),
                      githubTitle(run, testType),
                      githubFingerprint(run));
                },
                task -> new Made(task, airflowTitle(task), airflowFingerprint(task)));
    return new Alert(
        null,
        e.deliveryKey(),
        made.fingerprint(),
        rotation,
        null,
        priority,
        made.title(),
        e.occurredAt(),
        e.occurredAt(),
        made.origin());
  }

  private static String githubTitle(GitHubRun run, String testType) {
    return "Build fail - "
        + run.repoName()
        + " "
        + testType
        + suffix(run.runNumber().map(String::valueOf));
  }

  /**
   * Same repo and workflow (and job, when a job's failure is reported): a flaky or broken workflow,
   * whichever branch or run it is. Filing an issue refines it with the failing tests; see {@code
   * filing.IssueFingerprint}.
   */
  private static String githubFingerprint(GitHubRun run) {
    return "gh:"
        + run.repo()
        + ":"
        + run.workflowFile().orElse("")
        + run.job().map(job -> ":job:" + job).orElse("");
  }

  private static String airflowTitle(AirflowTask task) {
    String when = task.logicalDate().map(AlertFactory::utcMinutes).orElse(null);
    return "DAG fail - "
        + task.dagId()
        + "."
        + task.taskId().orElse("unknown")
        + suffix(Optional.ofNullable(when));
  }

  /** Same task failing the same way, with run-specific numbers, ids and times ignored. */
  private static String airflowFingerprint(AirflowTask task) {
    String headline = FailureSignature.headline(task.exception().orElse(""));
    return String.join(
        ":",
        "af",
        task.dagId(),
        task.taskId().orElse(""),
        FailureSignature.exceptionType(headline),
        FailureSignature.hash(headline));
  }

  /** {@code 2026-11-20T03:00:00+00:00} as {@code 2026-11-20 03:00 UTC}; unparseable text as is. */
  static String utcMinutes(String isoDate) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(isoDate.strip().replace(' ', 'T'));
      return t.withOffsetSameInstant(ZoneOffset.UTC).format(MINUTES) + " UTC";
    } catch (DateTimeParseException ex) {
      return isoDate;
    }
  }

  private static String suffix(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).map(v -> " (" + v + ")").orElse("");
  }
}
