package dev.meister.core.status;

import dev.meister.core.validation.Checks;
import java.time.ZoneId;
import java.util.List;

/**
 * What a status post shows: the stages of one DAG, in order, read from one Airflow instance.
 *
 * @param name how people ask for it ({@code /status NAME}); often the DAG id
 * @param airflow the configured Airflow instance the DAG runs on
 * @param zone the time zone the post writes times in
 */
public record StatusBoard(
    String name, String dagId, String airflow, List<Stage> stages, ZoneId zone) {
  public StatusBoard {
    Checks.notBlank(name, "name");
    Checks.notBlank(dagId, "dag");
    Checks.notBlank(airflow, "airflow");
    stages = List.copyOf(Checks.notEmpty(stages, "stages"));
  }
}
