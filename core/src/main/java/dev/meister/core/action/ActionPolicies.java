package dev.meister.core.action;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured action policies, found for an alert: its pipeline's (the pipeline running its
 * DAG), which is the more specific, else its route's. An alert whose route and pipeline give none
 * allows no action.
 */
public final class ActionPolicies {
  private final Map<String, ActionPolicy> byRoute;
  private final Map<String, ActionPolicy> byPipeline;
  private final List<Pipeline> pipelines;

  /**
   * @param byRoute by route name
   * @param byPipeline by pipeline name
   * @param pipelines every configured pipeline, for the owners of an alert's DAG
   */
  public ActionPolicies(
      Map<String, ActionPolicy> byRoute,
      Map<String, ActionPolicy> byPipeline,
      List<Pipeline> pipelines) {
    this.byRoute = Map.copyOf(byRoute);
    this.byPipeline = Map.copyOf(byPipeline);
    this.pipelines = List.copyOf(pipelines);
  }

  /** No policy anywhere: no alert offers an action. */
  public static ActionPolicies none() {
    return new ActionPolicies(Map.of(), Map.of(), List.of());
  }

  /** Whether any route or pipeline allows an action. */
  public boolean isEmpty() {
    return byRoute.values().stream().allMatch(p -> p.allowed().isEmpty())
        && byPipeline.values().stream().allMatch(p -> p.allowed().isEmpty());
  }

  /** The pipeline running the alert's DAG; empty for builds and unconfigured DAGs. */
  public Optional<Pipeline> pipelineOf(Alert alert) {
    Optional<String> dag = alert.airflowTask().map(AirflowTask::dagId);
    return dag.flatMap(d -> pipelines.stream().filter(p -> p.dagId().equals(d)).findFirst());
  }

  /** The policy that governs {@code alert}'s actions. */
  public Optional<ActionPolicy> forAlert(Alert alert) {
    Optional<ActionPolicy> pipeline = pipelineOf(alert).map(p -> byPipeline.get(p.name()));
    if (pipeline.isPresent()) {
      return pipeline;
    }
    return alert.routeName().map(byRoute::get);
  }

  /** The actions offered for {@code alert}: its policy's, of its side (Airflow or GitHub). */
  public List<ActionKind> allowedFor(Alert alert) {
    return forAlert(alert).map(p -> p.allowedOn(side(alert))).orElse(List.of());
  }

  /** Which system an alert's run lives in. */
  public static ActionKind.Side side(Alert alert) {
    return alert.source() == AlertSource.AIRFLOW ? ActionKind.Side.AIRFLOW : ActionKind.Side.GITHUB;
  }
}
