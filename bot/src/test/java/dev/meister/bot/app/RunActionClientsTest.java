package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.meister.bot.airflow.AirflowClient;
import dev.meister.bot.airflow.AirflowClients;
import dev.meister.bot.airflow.FakeAirflow;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.bot.github.GitHubClient;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionTarget.AirflowRun;
import dev.meister.core.action.ActionTarget.WorkflowRun;
import dev.meister.core.action.RunActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's RunActions, built from a loaded configuration and the clients the app builds. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class RunActionClientsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final FakeAirflow airflow = FakeAirflow.v1Failed();
  private final FakeGitHub github = new FakeGitHub();
  private final List<AutoCloseable> clients = new ArrayList<>();

  RunActionClientsTest() throws Exception {}

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : clients) {
      c.close();
    }
    airflow.close();
    github.close();
  }

  private MeisterConfig config(String githubSection) throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice Doe, roles: [team_lead] }
        rotations:
          datameister:
            name: Datameister
            zone: America/Sao_Paulo
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [alice]
        airflow:
          prod:
            url: %s
            api: v1
            token: ${AIRFLOW_API_TOKEN}
        %s
        """
            .formatted(airflow.url(), githubSection));
    return new ConfigLoader(Map.of("AIRFLOW_API_TOKEN", "af-token", "GITHUB_TOKEN", "ghp_x"))
        .load(file, SecretPolicy.REQUIRED);
  }

  /** As BotRuntime and Meister build them: one Airflow client per instance, one GitHub client. */
  private RunActions build(MeisterConfig config) {
    Map<String, AirflowClient> airflowClients = AirflowClients.of(config.airflow());
    clients.addAll(airflowClients.values());
    Optional<GitHubClient> gh =
        config.github().token().isPresent()
            ? Optional.of(
                GitHubClient.create(
                    config.github().apiUrl(), config.github().token().reveal(), CLOCK, d -> {}))
            : Optional.empty();
    gh.ifPresent(clients::add);
    return RunActionClients.of(config, airflowClients, gh);
  }

  @Test
  void an_airflow_run_goes_to_its_instance_and_a_workflow_run_to_github() throws Exception {
    github.run(77, List.of(new FakeGitHub.Job(1, "build", "failure", "Compile", null)));
    RunActions actions =
        build(
            config(
                """
                github:
                  api_url: %s
                  token: ${GITHUB_TOKEN}
                  repo: acme/issues
                """
                    .formatted(github.apiUrl())));

    var cleared =
        actions.execute(
            new AirflowRun("prod", airflow.dagId(), airflow.runId(), Optional.of("finance")),
            ActionKind.CLEAR);
    var rerun = actions.preview(new WorkflowRun("acme/widgets", 77), ActionKind.RERUN_FAILED);

    assertThat(cleared.summary()).isEqualTo("Cleared 1 task instance of run " + airflow.runId());
    assertThat(airflow.authorizations()).containsExactly("Bearer af-token");
    assertThat(rerun.summary()).isEqualTo("Would re-run 1 failed job of run 77 (build)");
    assertThat(github.requests())
        .extracting(FakeGitHub.Received::authorization)
        .containsExactly("Bearer ghp_x");
  }

  @Test
  void an_instance_that_is_not_configured_is_refused_naming_the_configured_ones() throws Exception {
    RunActions actions = build(config(""));

    Throwable thrown =
        catchThrowable(
            () ->
                actions.preview(
                    new AirflowRun("tokyo", "ohlcv_tokyo_daily", "r1", Optional.empty()),
                    ActionKind.PAUSE));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("No Airflow instance 'tokyo' is configured (configured: prod)");
    assertThat(airflow.requests()).isEmpty();
  }

  @Test
  void a_workflow_run_without_github_configured_is_refused() throws Exception {
    RunActions actions = build(config(""));

    Throwable thrown =
        catchThrowable(
            () -> actions.execute(new WorkflowRun("acme/widgets", 77), ActionKind.CANCEL));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage(
            "GitHub is not configured (no github.token), so run 77 of acme/widgets cannot be"
                + " re-run or cancelled");
  }

  @Test
  void an_action_of_the_other_side_is_an_illegal_argument() throws Exception {
    RunActions actions = build(config(""));

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> actions.preview(new WorkflowRun("acme/widgets", 77), ActionKind.MARK_SUCCESS))
        .withMessage("mark-success is an Airflow action; the target is a GitHub workflow run");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                actions.execute(
                    new AirflowRun("prod", "prod-dagao", "r1", Optional.empty()),
                    ActionKind.CANCEL))
        .withMessage("cancel is a GitHub Actions action; the target is an Airflow DAG run");
  }

  @Test
  void a_configured_instance_without_a_client_is_a_wiring_mistake() throws Exception {
    MeisterConfig config = config("");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> RunActionClients.of(config, Map.of(), Optional.empty()))
        .withMessage("no client was built for airflow.prod");
  }
}
