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
 * @param startDate as Airflow wrote it, like {@code logicalDate}
 * @param exception the exception text as Airflow reported it; may span lines
 * @param tags the DAG's tags, in order, without duplicates
 * @param airflowUrl the Airflow web server's base URL
 * @param notebookUrl a QA notebook to link from a filed issue
 */
public record AirflowTask(
    String dagId,
    Optional<String> dagRunId,
    Optional<String> taskId,
    Optional<Integer> tryNumber,
    Optional<String> logicalDate,
    Optional<String> startDate,
    Optional<String> logUrl,
    Optional<String> exception,
    List<String> tags,
    Optional<String> region,
    Optional<String> airflowUrl,
    Optional<String> notebookUrl)
    implements AlertOrigin {

  public AirflowTask {
    Checks.notBlank(dagId, "dag id");
    tags = List.copyOf(tags);
  }

  public static Builder builder(String dagId) {
    return new Builder(dagId);
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
    private @Nullable String logUrl;
    private @Nullable String exception;
    private List<String> tags = List.of();
    private @Nullable String region;
    private @Nullable String airflowUrl;
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
          Texts.present(logUrl),
          Texts.present(exception),
          tags,
          Texts.present(region),
          Texts.present(airflowUrl),
          Texts.present(notebookUrl));
    }
  }
}
