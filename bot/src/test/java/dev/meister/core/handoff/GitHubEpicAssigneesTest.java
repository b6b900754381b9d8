package dev.meister.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.bot.github.FakeGitHub;
import dev.meister.bot.github.GitHubEpicAssignees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GitHubEpicAssigneesTest {
  private static final EpicRef EPIC = EpicRef.parse("cryptokaizen/cmamp#8785");
  private FakeGitHub github;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    github.issue("cryptokaizen/cmamp", 8785, "DagMeister", true, "alice-gh");
  }

  /** Over the shared client, as the bot builds it; GitHub's retries wait for no one here. */
  private GitHubEpicAssignees assignees() {
    return new GitHubEpicAssignees(
        dev.meister.bot.github.GitHubClient.create(
            github.url(), "tok", java.time.Clock.systemUTC(), wait -> {}));
  }

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void adds_the_incoming_login_then_removes_the_outgoing_one() throws Exception {
    assignees().move(EPIC, "alice-gh", "bob-gh");

    assertThat(github.assignees("cryptokaizen/cmamp", 8785)).containsExactly("bob-gh");
    assertThat(github.requests())
        .extracting(FakeGitHub.Received::method)
        .containsExactly("POST", "DELETE");
    FakeGitHub.Received post = github.requests().get(0);
    assertThat(post.path()).isEqualTo("/repos/cryptokaizen/cmamp/issues/8785/assignees");
    assertThat(post.authorization()).isEqualTo("Bearer tok");
    assertThat(post.json().path("assignees").get(0).asText()).isEqualTo("bob-gh");
    assertThat(github.requests().get(1).json().path("assignees").get(0).asText())
        .isEqualTo("alice-gh");
  }

  @Test
  void a_login_github_silently_ignores_is_an_error_and_the_outgoing_one_stays() throws Exception {
    github.onlyCollaborators("alice-gh");

    assertThatThrownBy(() -> assignees().move(EPIC, "alice-gh", "bob-gh"))
        .isInstanceOf(EpicMoveException.class)
        .hasMessage("GitHub did not assign bob-gh (no access to cryptokaizen/cmamp?)")
        .matches(e -> !((EpicMoveException) e).retryable());
    assertThat(github.assignees("cryptokaizen/cmamp", 8785)).containsExactly("alice-gh");
  }

  @Test
  void a_passing_server_error_is_retried_by_the_client_and_the_move_completes() throws Exception {
    github.failNext(502);

    assignees().move(EPIC, "alice-gh", "bob-gh");

    assertThat(github.assignees("cryptokaizen/cmamp", 8785)).containsExactly("bob-gh");
  }

  @Test
  void lasting_server_errors_are_retryable_and_refusals_are_not() throws Exception {
    GitHubEpicAssignees assignees = assignees();

    github.failNext(502, 502, 502, 502);
    assertThatThrownBy(() -> assignees.move(EPIC, "alice-gh", "bob-gh"))
        .hasMessageStartingWith("GitHub is unavailable: ")
        .matches(e -> ((EpicMoveException) e).retryable());

    github.failNext(403);
    assertThatThrownBy(() -> assignees.move(EPIC, "alice-gh", "bob-gh"))
        .hasMessage("GitHub refused (403): Resource not accessible by integration")
        .matches(e -> !((EpicMoveException) e).retryable());
    assertThat(github.assignees("cryptokaizen/cmamp", 8785)).containsExactly("alice-gh");
  }

  @Test
  void an_unreachable_github_is_retryable() throws Exception {
    FakeGitHub gone = new FakeGitHub();
    String url = gone.url();
    gone.close();
    GitHubEpicAssignees assignees =
        new GitHubEpicAssignees(
            dev.meister.bot.github.GitHubClient.create(
                url, "tok", java.time.Clock.systemUTC(), wait -> {}));

    assertThatThrownBy(() -> assignees.move(EPIC, "a", "b"))
        .isInstanceOf(EpicMoveException.class)
        .hasMessageStartingWith("GitHub is unavailable: ")
        .matches(e -> ((EpicMoveException) e).retryable());
  }
}
