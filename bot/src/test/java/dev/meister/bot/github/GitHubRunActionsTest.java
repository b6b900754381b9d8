package dev.meister.bot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget.WorkflowRun;
import dev.meister.core.action.ActionUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Re-running and cancelling workflow runs against a fake GitHub Enterprise API; nothing sleeps. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubRunActionsTest {
  private static final String TOKEN = "ghp_secret";
  private static final String RUNS = "/api/v3/repos/acme/widgets/actions/runs/";

  private final FakeGitHub fake = new FakeGitHub();
  private final List<Duration> slept = new ArrayList<>();
  private final GitHubRunActions actions =
      new GitHubRunActions(
          new GitHubClient(
              fake.apiUrl(),
              TOKEN,
              new OkHttpClient(),
              Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
              slept::add));
  private final WorkflowRun run = new WorkflowRun("acme/widgets", 123);

  GitHubRunActionsTest() throws Exception {
    fake.run(
        123,
        List.of(
            new FakeGitHub.Job(1, "build", "failure", "Compile", null),
            new FakeGitHub.Job(2, "test", "timed_out", "Run tests", null),
            new FakeGitHub.Job(3, "lint", "success", null, null)));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static void assertNoToken(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
    }
  }

  @Test
  void rerun_failed_previews_the_failed_jobs_and_changes_nothing() {
    ActionPreview preview = actions.preview(run, ActionKind.RERUN_FAILED);

    assertThat(preview.items()).containsExactly("build (failure)", "test (timed_out)");
    assertThat(preview.summary()).isEqualTo("Would re-run 2 failed jobs of run 123 (build, test)");
    assertThat(fake.requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly("GET " + RUNS + "123/jobs");
  }

  @Test
  void rerun_failed_posts_once_and_names_the_jobs_it_reran() {
    ActionResult result = actions.execute(run, ActionKind.RERUN_FAILED);

    assertThat(result.summary()).isEqualTo("Re-ran 2 failed jobs of run 123 (build, test)");
    assertThat(result.items()).containsExactly("build", "test");
    List<FakeGitHub.Received> posts = fake.received("POST", RUNS + "123/rerun-failed-jobs");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(fake.workflowRun(123).path("status").asText()).isEqualTo("queued");
  }

  @Test
  void rerun_previews_and_reruns_every_job() {
    ActionPreview preview = actions.preview(run, ActionKind.RERUN);
    ActionResult result = actions.execute(run, ActionKind.RERUN);

    assertThat(preview.summary())
        .isEqualTo("Would re-run all 3 jobs of run 123 (build, test, lint)");
    assertThat(preview.items()).contains("lint (success)");
    assertThat(result.summary()).isEqualTo("Re-ran all 3 jobs of run 123 (build, test, lint)");
    assertThat(fake.received("POST", RUNS + "123/rerun")).hasSize(1);
    assertThat(fake.received("POST", RUNS + "123/rerun-failed-jobs")).isEmpty();
  }

  @Test
  void cancel_previews_the_runs_status_and_cancels_it() {
    fake.workflowRun(124, "in_progress", null);
    WorkflowRun running = new WorkflowRun("acme/widgets", 124);

    ActionPreview preview = actions.preview(running, ActionKind.CANCEL);
    ActionResult result = actions.execute(running, ActionKind.CANCEL);

    assertThat(preview.summary()).isEqualTo("Would cancel run 124 (CI), which is in_progress");
    assertThat(preview.items()).containsExactly("CI: in_progress");
    assertThat(result.summary()).isEqualTo("Cancelled run 124");
    assertThat(fake.received("POST", RUNS + "124/cancel")).hasSize(1);
    assertThat(fake.workflowRun(124).path("conclusion").asText()).isEqualTo("cancelled");
  }

  @Test
  void cancelling_a_completed_run_is_githubs_409_and_its_preview_says_so() {
    ActionPreview preview = actions.preview(run, ActionKind.CANCEL);
    Throwable thrown = catchThrowable(() -> actions.execute(run, ActionKind.CANCEL));

    assertThat(preview.summary())
        .isEqualTo("Run 123 is already completed (failure); there is nothing to cancel");
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessage(
            "GitHub refused to cancel run 123 of acme/widgets (HTTP 409): Cannot cancel a"
                + " workflow run that is completed.");
    assertNoToken(thrown);
  }

  @ParameterizedTest
  @CsvSource({
    "403, Resource not accessible by integration",
    "404, Not Found",
    "422, Validation Failed"
  })
  void a_refusal_carries_githubs_own_message(int status, String message) {
    fake.failNext("POST", ".*/rerun", FakeGitHub.error(status, message));

    Throwable thrown = catchThrowable(() -> actions.execute(run, ActionKind.RERUN));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessage(
            "GitHub refused to re-run run 123 of acme/widgets (HTTP " + status + "): " + message);
    assertNoToken(thrown);
  }

  @Test
  void a_run_github_does_not_know_is_refused_at_the_preview() {
    Throwable thrown =
        catchThrowable(
            () -> actions.preview(new WorkflowRun("acme/widgets", 999), ActionKind.RERUN_FAILED));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage(
            "GitHub refused to re-run the failed jobs of run 999 of acme/widgets (HTTP 404):"
                + " Not Found");
  }

  @Test
  void a_5xx_on_a_post_is_an_outage_left_to_the_callers_retry() {
    fake.failNext("POST", ".*/rerun-failed-jobs", FakeGitHub.error(502, "Server Error"));

    Throwable thrown = catchThrowable(() -> actions.execute(run, ActionKind.RERUN_FAILED));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionUnavailableException.class, e -> assertThat(e.retryAfter()).isEmpty())
        .hasMessage(
            "GitHub could not re-run the failed jobs of run 123 of acme/widgets: GitHub answered"
                + " 502 to POST /repos/acme/widgets/actions/runs/123/rerun-failed-jobs");
    assertThat(fake.received("POST", RUNS + "123/rerun-failed-jobs")).hasSize(1);
    assertThat(slept).isEmpty();
    assertNoToken(thrown);
  }

  @Test
  void a_429_with_retry_after_is_an_outage_that_says_how_long() {
    fake.failNext(
        "POST",
        ".*/cancel",
        new FakeGitHub.Scripted(
            429,
            FakeGitHub.headers("retry-after", "30"),
            "{\"message\":\"API rate limit exceeded for installation ID 42.\"}"));
    fake.workflowRun(124, "in_progress", null);

    Throwable thrown =
        catchThrowable(
            () -> actions.execute(new WorkflowRun("acme/widgets", 124), ActionKind.CANCEL));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)))
        .hasMessageContaining("API rate limit exceeded for installation ID 42.");
    assertThat(slept).isEmpty();
    assertNoToken(thrown);
  }

  @Test
  void a_github_that_never_answers_is_an_outage_after_the_timeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      GitHubRunActions slow =
          new GitHubRunActions(
              new GitHubClient(
                  "http://127.0.0.1:" + silent.getLocalPort(),
                  TOKEN,
                  new OkHttpClient.Builder().readTimeout(300, TimeUnit.MILLISECONDS).build(),
                  Clock.systemUTC(),
                  slept::add));

      Throwable thrown =
          catchThrowable(() -> slow.execute(new WorkflowRun("acme/widgets", 5), ActionKind.CANCEL));

      assertThat(thrown)
          .isInstanceOf(ActionUnavailableException.class)
          .hasMessage(
              "GitHub could not cancel run 5 of acme/widgets: GitHub could not be reached"
                  + " (SocketTimeoutException)");
      assertNoToken(thrown);
    }
  }

  @Test
  void an_airflow_kind_is_not_a_github_action() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> actions.execute(run, ActionKind.PAUSE))
        .withMessage("pause is not a GitHub action");
    assertThat(fake.requests()).isEmpty();
  }
}
