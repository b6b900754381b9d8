package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An Airflow task instance, as its callback reported it.
 *
 * @param dagRunId the DAG run's id, e.g. {@code scheduled__2026-11-20T03:00:00+00:00}
 * @param logicalDate as Airflow wrote it (ISO-8601 with offset, as a rule); kept as text so an odd
 *     value is still shown
 * @param startDate when this try of the task started, as Airflow wrote it, like {@code logicalDate}
 * @param dagRunStartDate when the DAG run started (seed 000's "DAG start timestamp"), as written
 * @param exception the exception text as Airflow reported it; may span lines
 * @param tags the DAG's tags, in order, without duplicates
 * @param airflowUrl the Airflow web UI's base URL
 * @param airflowVersion the Airflow version as reported, e.g. {@code 3.0.2}; its major version
 *     decides the shape of the DAG run link
 * @param notebookUrl a QA notebook to link from a filed issue
 */
public record AirflowTask(
    String dagId,
    Optional<String> dagRunId,
    Optional<String> taskId,
    Optional<Integer> tryNumber,
    Optional<String> logicalDate,
    Optional<String> startDate,
    Optional<String> dagRunStartDate,
    Optional<String> logUrl,
    Optional<String> exception,
    List<String> tags,
    Optional<String> region,
    Optional<String> airflowUrl,
    Optional<String> airflowVersion,
    Optional<String> notebookUrl)
    implements AlertOrigin {

  public AirflowTask {
    Checks.notBlank(dagId, "dag id");
    tags = List.copyOf(tags);
  }

  public static Builder builder(String dagId) {
    return new Builder(dagId);
  }

  /**
   * The DAG run's page in the Airflow UI, when the UI's base URL and the run are known: {@code
   * /dags/{dag}/runs/{run}} on Airflow 3, the grid view {@code /dags/{dag}/grid?dag_run_id={run}}
   * on Airflow 2 and when the version is unknown (alerts stored before the version was sent).
   */
  public Optional<String> dagRunUrl() {
    if (airflowUrl.isEmpty() || dagRunId.isEmpty()) {
      return Optional.empty();
    }
    String base = airflowUrl.get();
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String dag = PercentEncoding.encode(dagId);
    String run = PercentEncoding.encode(dagRunId.get());
    return Optional.of(
        majorVersion() >= 3
            ? root + "/dags/" + dag + "/runs/" + run
            : root + "/dags/" + dag + "/grid?dag_run_id=" + run);
  }

  /** The leading number of {@link #airflowVersion}; 2 when unknown or unreadable. */
  private int majorVersion() {
    String version = airflowVersion.orElse("").strip();
    int end = 0;
    while (end < version.length() && end < 4 && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 2 : Integer.parseInt(version.substring(0, end));
  }

  @Override
  public <T> T match(Function<GitHubRun, T> github, Function<AirflowTask, T> airflow) {
    return airflow.apply(this);
  }

  @Override
  public Optional<String> pageUrl() {
    return logUrl;
  }

  @Override
  public AlertSource source() {
    return AlertSource.AIRFLOW;
  }

  /** Builds a task field by field; a blank text counts as absent, as a callback's would. */
  public static final class Builder {
    private final String dagId;
    private @Nullable String dagRunId;
    private @Nullable String taskId;
    private @Nullable Integer tryNumber;
    private @Nullable String logicalDate;
    private @Nullable String startDate;
    private @Nullable String dagRunStartDate;
    private @Nullable String logUrl;
    private @Nullable String exception;
    private List<String> tags = List.of();
    private @Nullable String region;
    private @Nullable String airflowUrl;
    private @Nullable String airflowVersion;
    private @Nullable String notebookUrl;

    private Builder(String dagId) {
      this.dagId = dagId;
    }

    public Builder dagRunId(@Nullable String value) {
      dagRunId = value;
      return this;
    }

    public Builder taskId(@Nullable String value) {
      taskId = value;
      return this;
    }

    public Builder tryNumber(@Nullable Integer value) {
      tryNumber = value;
      return this;
    }

    public Builder logicalDate(@Nullable String value) {
      logicalDate = value;
      return this;
    }

    public Builder startDate(@Nullable String value) {
      startDate = value;
      return this;
    }

    public Builder dagRunStartDate(@Nullable String value) {
      dagRunStartDate = value;
      return this;
    }

    public Builder logUrl(@Nullable String value) {
      logUrl = value;
      return this;
    }

    public Builder exception(@Nullable String value) {
      exception = value;
      return this;
    }

    public Builder tags(List<String> value) {
      tags = List.copyOf(value);
      return this;
    }

    public Builder region(@Nullable String value) {
      region = value;
      return this;
    }

    public Builder airflowUrl(@Nullable String value) {
      airflowUrl = value;
      return this;
    }

    public Builder airflowVersion(@Nullable String value) {
      airflowVersion = value;
      return this;
    }

    public Builder notebookUrl(@Nullable String value) {
      notebookUrl = value;
      return this;
    }

    public AirflowTask build() {
      return new AirflowTask(
          dagId,
          Texts.present(dagRunId),
          Texts.present(taskId),
          Optional.ofNullable(tryNumber),
          Texts.present(logicalDate),
          Texts.present(startDate),
          Texts.present(dagRunStartDate),
          Texts.present(logUrl),
          Texts.present(exception),
          tags,
          Texts.present(region),
          Texts.present(airflowUrl),
          Texts.present(airflowVersion),
          Texts.present(notebookUrl));
    }
  }
}
