package dev.meister.core.alert;

import dev.meister.core.schedule.RotationId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Makes the alert to store from a failed pipeline event: its title, fingerprint and attributes. */
public final class AlertFactory {
  /** The attribute a GitHub alert gets for its test type, e.g. {@code fast}. */
  public static final String TEST_TYPE = "test_type";

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TestTypes testTypes;

  public AlertFactory(TestTypes testTypes) {
    this.testTypes = testTypes;
  }

  /** A new, unstored alert for {@code e}, received when the event occurred. */
  public Alert create(RunEvent e, @Nullable RotationId rotation, Priority priority) {
    Map<String, String> attributes = new HashMap<>(e.attributes());
    String title;
    String fingerprint;
    if (e.source() == AlertSource.GITHUB_ACTIONS) {
      String testType =
          testTypes.typeOf(
              e.attribute(AlertAttributes.WORKFLOW_PATH).orElse(null),
              e.attribute(AlertAttributes.WORKFLOW_NAME).orElse(null));
      attributes.put(TEST_TYPE, testType);
      title = githubTitle(e, testType);
      fingerprint = githubFingerprint(e);
    } else {
      title = airflowTitle(e);
      fingerprint = airflowFingerprint(e);
    }
    return new Alert(
        null,
        e.source(),
        e.deliveryKey(),
        fingerprint,
        rotation,
        priority,
        title,
        e.occurredAt(),
        attributes);
  }

  private static String githubTitle(RunEvent e, String testType) {
    String repo = e.attribute(AlertAttributes.REPO).orElse("unknown");
    String name = repo.substring(repo.lastIndexOf('/') + 1);
    return "Build fail - "
        + name
        + " "
        + testType
        + suffix(e.attribute(AlertAttributes.RUN_NUMBER));
  }

  /**
   * Same repo and workflow (and job, when a job's failure is reported): a flaky or broken workflow,
   * whichever branch or run it is. Filing an issue refines it with the failing tests; see {@code
   * filing.IssueFingerprint}.
   */
  private static String githubFingerprint(RunEvent e) {
    String workflow =
        e.attribute(AlertAttributes.WORKFLOW_PATH)
            .map(WorkflowFiles::fileName)
            .or(() -> e.attribute(AlertAttributes.WORKFLOW_NAME))
            .orElse("");
    return "gh:" + e.attribute(AlertAttributes.REPO).orElse("") + ":" + workflow
        + e.attribute(AlertAttributes.JOB_NAME).map(job -> ":job:" + job).orElse("");
  }

  private static String airflowTitle(RunEvent e) {
    String when =
        e.attribute(AlertAttributes.LOGICAL_DATE).map(AlertFactory::utcMinutes).orElse(null);
    return "DAG fail - "
        + e.attribute(AlertAttributes.DAG_ID).orElse("unknown")
        + "."
        + e.attribute(AlertAttributes.TASK_ID).orElse("unknown")
        + suffix(Optional.ofNullable(when));
  }

  /** Same task failing the same way, with run-specific numbers, ids and times ignored. */
  private static String airflowFingerprint(RunEvent e) {
    String headline = FailureSignature.headline(e.attribute(AlertAttributes.EXCEPTION).orElse(""));
    return String.join(
        ":",
        "af",
        e.attribute(AlertAttributes.DAG_ID).orElse(""),
        e.attribute(AlertAttributes.TASK_ID).orElse(""),
        FailureSignature.exceptionType(headline),
        FailureSignature.hash(headline));
  }

  /** {@code 2026-11-20T03:00:00+00:00} as {@code 2026-11-20 03:00 UTC}; unparseable text as is. */
  private static String utcMinutes(String isoDate) {
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
