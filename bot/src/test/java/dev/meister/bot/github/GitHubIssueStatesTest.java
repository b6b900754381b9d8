package dev.meister.bot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/**
 * What the hand-off asks GitHub (seed 001: "any pending issues", "any open P4-P3 issues" mean open
 * on GitHub now): an issue's state, labels and assignees, and an epic's sub-issues.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubIssueStatesTest {
  private final FakeGitHub fake = new FakeGitHub();
  private final List<Duration> slept = new ArrayList<>();
  private final GitHubClient client =
      new GitHubClient(
          fake.apiUrl(),
          "ghp_secret",
          new OkHttpClient(),
          Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"), ZoneOffset.UTC),
          slept::add);

  GitHubIssueStatesTest() throws Exception {}

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void an_issue_comes_with_its_state_labels_and_assignees() {
    fake.issue("acme/data", 9111, "finance DAG fails", true, "octocat");
    fake.label("acme/data", 9111, "bug", "P3");
    fake.issue("acme/data", 9112, "fixed", true);
    fake.close("acme/data", 9112);

    IssueSnapshot open = client.snapshot("acme/data", 9111);
    IssueSnapshot closed = client.snapshot("acme/data", 9112);

    assertThat(open)
        .isEqualTo(
            new IssueSnapshot(
                new IssueRef("acme/data", 9111, "https://github.com/acme/data/issues/9111"),
                "finance DAG fails",
                true,
                List.of("bug", "P3"),
                List.of("octocat")));
    assertThat(closed.open()).isFalse();
    assertThat(fake.received("GET", "/api/v3/repos/acme/data/issues/911[12]")).hasSize(2);
  }

  @Test
  void an_epics_sub_issues_are_listed_in_one_request_each_in_its_own_repository() {
    fake.issue("cryptokaizen/cmamp", 8785, "Hausmeister epic", true);
    fake.issue("cryptokaizen/cmamp", 9200, "in the epic", true);
    fake.issue("cryptokaizen/infra", 12, "elsewhere", false);
    fake.label("cryptokaizen/cmamp", 9200, "P4");
    fake.subIssue("cryptokaizen/cmamp", 8785, "cryptokaizen/cmamp", 9200);
    fake.subIssue("cryptokaizen/cmamp", 8785, "cryptokaizen/infra", 12);

    List<IssueSnapshot> subs = client.subIssues("cryptokaizen/cmamp", 8785, 50);

    assertThat(subs)
        .extracting(s -> s.ref().toString(), IssueSnapshot::open, IssueSnapshot::labels)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cryptokaizen/cmamp#9200", true, List.of("P4")),
            org.assertj.core.groups.Tuple.tuple("cryptokaizen/infra#12", false, List.of()));
    assertThat(fake.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.path()).endsWith("/issues/8785/sub_issues"));
  }

  @Test
  void the_sub_issues_are_bounded() {
    fake.issue("acme/data", 1, "epic", true);
    for (int n = 2; n <= 6; n++) {
      fake.issue("acme/data", n, "sub " + n, true);
      fake.subIssue("acme/data", 1, "acme/data", n);
    }

    assertThat(client.subIssues("acme/data", 1, 3))
        .extracting(s -> s.ref().number())
        .containsExactly(2, 3, 4);
  }

  @Test
  void github_answering_5xx_after_the_retries_is_unavailable() {
    fake.issue("acme/data", 9111, "finance DAG fails", true);
    fake.failNext(502, 502, 503, 500);

    assertThatThrownBy(() -> client.snapshot("acme/data", 9111))
        .isInstanceOf(GitHubUnavailableException.class)
        .hasMessageContaining("500");
    assertThat(slept).hasSize(3);
  }
}
