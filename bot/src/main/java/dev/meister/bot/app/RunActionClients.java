package dev.meister.bot.app;

import dev.meister.bot.airflow.AirflowActions;
import dev.meister.bot.airflow.AirflowClient;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.github.GitHubClient;
import dev.meister.bot.github.GitHubRunActions;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget;
import dev.meister.core.action.ActionTarget.AirflowRun;
import dev.meister.core.action.ActionTarget.WorkflowRun;
import dev.meister.core.action.RunActions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The app's {@link RunActions}: an Airflow run goes to the client of its {@code
 * airflow.<instance>}, a workflow run to GitHub. It builds no HTTP client of its own; it speaks
 * through the clients the app already holds, so each instance keeps one connection pool, one set of
 * credentials and its timeouts. A run on an instance that is not configured, or a workflow run
 * without a GitHub token, is refused with a message saying what to configure. It owns none of the
 * clients: the app closes them as before.
 */
public final class RunActionClients implements RunActions {
  /** The status of a refusal Meister makes itself: there is no such instance or API to ask. */
  static final int NOT_CONFIGURED = 404;

  private final Map<String, AirflowActions> airflow;
  private final Optional<GitHubRunActions> github;

  RunActionClients(Map<String, AirflowActions> airflow, Optional<GitHubRunActions> github) {
    this.airflow = Collections.unmodifiableMap(new LinkedHashMap<>(airflow));
    this.github = github;
  }

  /**
   * Over the clients the app built from {@code config}: {@code Meister.airflow()} (one per
   * configured instance) and BotRuntime's GitHub client, empty when no GitHub token is set.
   *
   * @throws IllegalArgumentException when a configured Airflow instance has no client
   */
  public static RunActionClients of(
      MeisterConfig config,
      Map<String, AirflowClient> airflowClients,
      Optional<GitHubClient> github) {
    Map<String, AirflowActions> actions = new LinkedHashMap<>();
    for (String name : config.airflow().keySet()) {
      AirflowClient client = airflowClients.get(name);
      if (client == null) {
        throw new IllegalArgumentException("no client was built for airflow." + name);
      }
      actions.put(name, new AirflowActions(client));
    }
    return new RunActionClients(actions, github.map(GitHubRunActions::new));
  }

  @Override
  public ActionPreview preview(ActionTarget target, ActionKind kind) {
    check(target, kind);
    if (target instanceof AirflowRun run) {
      return airflow(run).preview(run, kind);
    }
    WorkflowRun run = (WorkflowRun) target;
    return github(run).preview(run, kind);
  }

  @Override
  public ActionResult execute(ActionTarget target, ActionKind kind) {
    check(target, kind);
    if (target instanceof AirflowRun run) {
      return airflow(run).execute(run, kind);
    }
    WorkflowRun run = (WorkflowRun) target;
    return github(run).execute(run, kind);
  }

  private static void check(ActionTarget target, ActionKind kind) {
    boolean airflowRun = target instanceof AirflowRun;
    if (airflowRun != (kind.side() == ActionKind.Side.AIRFLOW)) {
      throw new IllegalArgumentException(
          kind.command()
              + " is "
              + (airflowRun ? "a GitHub Actions action" : "an Airflow action")
              + "; the target is "
              + (airflowRun ? "an Airflow DAG run" : "a GitHub workflow run"));
    }
  }

  private AirflowActions airflow(AirflowRun run) {
    AirflowActions actions = airflow.get(run.instance());
    if (actions == null) {
      throw new ActionRefusedException(
          NOT_CONFIGURED,
          "No Airflow instance '"
              + run.instance()
              + "' is configured"
              + (airflow.isEmpty()
                  ? " (the configuration has no airflow section)"
                  : " (configured: " + String.join(", ", airflow.keySet()) + ")"));
    }
    return actions;
  }

  private GitHubRunActions github(WorkflowRun run) {
    return github.orElseThrow(
        () ->
            new ActionRefusedException(
                NOT_CONFIGURED,
                "GitHub is not configured (no github.token), so run "
                    + run.runId()
                    + " of "
                    + run.repo()
                    + " cannot be re-run or cancelled"));
  }
}
