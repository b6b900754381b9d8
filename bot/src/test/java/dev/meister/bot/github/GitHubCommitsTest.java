package dev.meister.bot.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.filing.FileCommit;
import dev.meister.core.filing.IssueSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/**
 * The client's reads for "who to ask" and {@code /issues}: the commits of a file (seed 002: "you
 * can use `git blame`") and an issue's {@code created_at}/{@code updated_at}.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubCommitsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final String FILE = "knowledge_graph/vendors/test/test utils.py";

  private final FakeGitHub fake = new FakeGitHub();
  private final GitHubClient client =
      new GitHubClient(
          fake.apiUrl(),
          "ghp_secret",
          new OkHttpClient(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          w -> {});

  GitHubCommitsTest() throws Exception {}

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void the_commits_of_a_path_come_newest_first_with_the_login_when_github_knows_the_author() {
    fake.commit("acme/widgets", FILE, "alice-gh", "Alice Doe", NOW.minusSeconds(300));
    fake.commit("acme/widgets", FILE, null, "Zoe Contractor", NOW.minusSeconds(200));
    fake.commit("acme/widgets", FILE, "bob-gh", "Bob Stone", NOW.minusSeconds(100));

    List<FileCommit> commits = client.commits("acme/widgets", FILE, 2);

    assertThat(commits)
        .extracting(FileCommit::login, FileCommit::authorName, FileCommit::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Optional.of("bob-gh"), "Bob Stone", NOW.minusSeconds(100)),
            org.assertj.core.groups.Tuple.tuple(
                Optional.empty(), "Zoe Contractor", NOW.minusSeconds(200)));
    assertThat(fake.received("GET", "/api/v3/repos/acme/widgets/commits")).hasSize(1);
  }

  @Test
  void a_path_without_commits_gives_none() {
    assertThat(client.commits("acme/widgets", "src/test/java/a/BTest.java", 10)).isEmpty();
  }

  @Test
  void an_issue_snapshot_carries_when_it_was_opened_and_last_touched() {
    fake.issue("acme/widgets", 12, "Build fail", true);
    fake.activity("acme/widgets", 12, NOW.minusSeconds(86_400 * 3), NOW.minusSeconds(3_600));

    IssueSnapshot s = client.snapshot("acme/widgets", 12);

    assertThat(s.createdAt()).contains(NOW.minusSeconds(86_400 * 3));
    assertThat(s.updatedAt()).contains(NOW.minusSeconds(3_600));
  }

  @Test
  void an_issue_without_times_has_none() {
    fake.issue("acme/widgets", 13, "Build fail", true);

    IssueSnapshot s = client.snapshot("acme/widgets", 13);

    assertThat(s.createdAt()).isEmpty();
    assertThat(s.updatedAt()).isEmpty();
  }
}
