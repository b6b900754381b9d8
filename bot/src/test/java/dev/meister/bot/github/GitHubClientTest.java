package dev.meister.bot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.filing.GitHubIssue;
import dev.meister.core.filing.GitHubRefusedException;
import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.filing.IssueDraft;
import dev.meister.core.filing.WorkflowJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** The GitHub client against a fake GitHub Enterprise API on loopback; nothing sleeps. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubClientTest {
  /** Copies of shared/fixtures/github/logs, on the test classpath. */
  static final Path LOGS =
      Path.of(
          java.net.URI.create(
              java.util.Objects.requireNonNull(
                      GitHubClientTest.class.getResource("/fixtures/github/logs/"))
                  .toString()));

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final FakeGitHub fake = new FakeGitHub();
  private final List<Duration> slept = new ArrayList<>();
  private final GitHubClient client =
      new GitHubClient(
          fake.apiUrl() + "/",
          "ghp_secret",
          new OkHttpClient(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          slept::add);

  GitHubClientTest() throws Exception {}

  @AfterEach
  void stop() {
    fake.close();
  }

  static String log(String name) throws Exception {
    return Files.readString(LOGS.resolve(name));
  }

  @Test
  void lists_a_runs_jobs_and_downloads_a_log_through_the_redirect() throws Exception {
    String log = log("pytest-fast-tests.failure.log");
    fake.run(
        42,
        List.of(
            new FakeGitHub.Job(7, "run_fast_tests", "failure", "Run fast tests", log),
            new FakeGitHub.Job(8, "lint", "success", null, null)));

    List<WorkflowJob> jobs = client.runJobs("acme/widgets", 42);
    String text = client.jobLog("acme/widgets", 7);

    assertThat(jobs).extracting(WorkflowJob::name).containsExactly("run_fast_tests", "lint");
    assertThat(jobs.get(0).failed()).isTrue();
    assertThat(jobs.get(0).failedStep()).contains("Run fast tests");
    assertThat(jobs.get(1).failed()).isFalse();
    assertThat(text).isEqualTo(log);
    assertThat(fake.received("GET", ".*/blob/job-logs/7")).hasSize(1);
    assertThat(
            fake.received("GET", "/api/v3/repos/acme/widgets/actions/runs/42/jobs")
                .get(0)
                .authorization())
        .isEqualTo("Bearer ghp_secret");
  }

  @Test
  void creates_an_issue_and_returns_its_numeric_id_for_sub_issues() {
    GitHubIssue issue =
        client.createIssue(
            new IssueDraft("acme/widgets", "Build fail", "body", List.of("bug", "P2"), List.of()));
    fake.issue("acme/widgets", 100, "Epic: green builds", true);
    client.addSubIssue("acme/widgets", 100, issue.id());

    assertThat(issue.number()).isEqualTo(9110);
    assertThat(issue.url()).isEqualTo("https://github.com/acme/widgets/issues/9110");
    assertThat(
            fake.received("POST", ".*/issues/100/sub_issues")
                .get(0)
                .json()
                .path("sub_issue_id")
                .asLong())
        .isEqualTo(issue.id())
        .isNotEqualTo(9110L);
    assertThat(fake.issue("acme/widgets", 9110).path("labels").toString())
        .contains("\"bug\"")
        .contains("\"P2\"");
  }

  @Test
  void adds_and_removes_assignees() {
    fake.issue("acme/widgets", 5, "Epic", true);

    client.addAssignees("acme/widgets", 5, List.of("erin-gh", "frank-gh"));
    client.removeAssignees("acme/widgets", 5, List.of("erin-gh"));

    assertThat(fake.issue("acme/widgets", 5).path("assignees").findValuesAsText("login"))
        .containsExactly("frank-gh");
  }

  @Test
  void server_errors_are_retried_with_a_doubling_wait() {
    fake.issue("acme/widgets", 5, "Epic", true);
    fake.failNext("POST", ".*/comments", FakeGitHub.error(502, "Server Error"));
    fake.failNext("POST", ".*/comments", FakeGitHub.error(503, "Unavailable"));

    client.comment("acme/widgets", 5, "hello");

    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(fake.received("POST", ".*/comments")).hasSize(3);
  }

  @Test
  void a_server_error_that_persists_is_reported_as_unavailable_after_four_tries() {
    for (int i = 0; i < 4; i++) {
      fake.failNext("GET", ".*/issues/5", FakeGitHub.error(500, "boom"));
    }

    assertThatThrownBy(() -> client.issue("acme/widgets", 5))
        .isInstanceOf(GitHubUnavailableException.class)
        .hasMessageContaining("500");
    assertThat(slept).hasSize(3);
  }

  @Test
  void an_exhausted_rate_limit_is_waited_out_until_its_reset() {
    fake.issue("acme/widgets", 5, "Epic", true);
    fake.failNext(
        "GET",
        ".*/issues/5",
        new FakeGitHub.Scripted(
            403,
            FakeGitHub.headers(
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                Long.toString(NOW.getEpochSecond() + 20)),
            "{\"message\":\"API rate limit exceeded for user ID 1.\"}"));

    GitHubIssue issue = client.issue("acme/widgets", 5);

    assertThat(issue.title()).isEqualTo("Epic");
    assertThat(slept).containsExactly(Duration.ofSeconds(21));
  }

  @Test
  void a_secondary_rate_limit_waits_as_long_as_retry_after_says() {
    fake.issue("acme/widgets", 5, "Epic", true);
    fake.failNext(
        "GET",
        ".*/issues/5",
        new FakeGitHub.Scripted(
            403,
            FakeGitHub.headers("retry-after", "7"),
            "{\"message\":\"You have exceeded a secondary rate limit.\"}"));

    client.issue("acme/widgets", 5);

    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a_rate_limit_ending_much_later_is_left_to_the_caller_with_its_wait() {
    fake.failNext(
        "GET",
        ".*/issues/5",
        new FakeGitHub.Scripted(
            429,
            FakeGitHub.headers(
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                Long.toString(NOW.getEpochSecond() + 1800)),
            "{\"message\":\"API rate limit exceeded\"}"));

    assertThatThrownBy(() -> client.issue("acme/widgets", 5))
        .isInstanceOfSatisfying(
            GitHubUnavailableException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1801)));
    assertThat(slept).isEmpty();
  }

  @Test
  void a_refusal_carries_githubs_message_and_is_not_retried() {
    fake.failNext(
        "POST",
        ".*/issues",
        FakeGitHub.error(403, "Resource not accessible by personal access token"));

    assertThatThrownBy(
            () ->
                client.createIssue(new IssueDraft("acme/widgets", "t", "b", List.of(), List.of())))
        .isInstanceOfSatisfying(
            GitHubRefusedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.describe())
                  .isEqualTo(
                      "GitHub refused (403): Resource not accessible by personal access token");
            });
    assertThat(slept).isEmpty();
  }

  @Test
  void a_validation_failure_names_the_field() {
    assertThatThrownBy(() -> client.addSubIssue("acme/widgets", 77, 1L))
        .isInstanceOfSatisfying(
            GitHubRefusedException.class,
            e -> assertThat(e.describe()).isEqualTo("GitHub refused (404): Not Found"));
    fake.issue("acme/widgets", 77, "Epic", true);

    assertThatThrownBy(() -> client.addSubIssue("acme/widgets", 77, 1L))
        .isInstanceOfSatisfying(
            GitHubRefusedException.class,
            e ->
                assertThat(e.describe())
                    .isEqualTo("GitHub refused (422): Validation Failed: sub_issue_id invalid"));
  }

  @Test
  void the_token_never_appears_in_an_error() {
    fake.failNext("GET", ".*/issues/5", FakeGitHub.error(401, "Bad credentials"));

    assertThatThrownBy(() -> client.issue("acme/widgets", 5))
        .hasMessage("Bad credentials")
        .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain("ghp_secret"));
    assertThat(Map.of()).isEmpty();
  }
}
