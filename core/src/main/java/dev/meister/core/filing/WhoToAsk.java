package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Member;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Names the people to ask about a red build, as seed 002 says: "If you know who is in charge of
 * that test (you can use `git blame`) ask directly". For each failing test file, the last
 * committers of that file (GitHub's commits API with {@code path=}); and the commit author of the
 * failing run. Team members among them are mentioned, others named by their GitHub login.
 */
public final class WhoToAsk {
  /** Files asked about per run; one request each. */
  static final int MAX_FILES = 5;

  /** Commits read per file, and distinct people named per file. */
  static final int COMMITS = 10;

  static final int PEOPLE = 3;

  private final IssueTracker github;
  private final Team team;

  public WhoToAsk(IssueTracker github, Team team) {
    this.github = github;
    this.team = team;
  }

  /**
   * The reply naming whom to ask about {@code alert}'s failing tests; empty when no failing test
   * file has commits and the run's author is no team member (the alert names that author already).
   *
   * @param failingTests the run's failing test ids, as the log analysis found them (the logs are
   *     not read a second time)
   * @throws GitHubUnavailableException or {@link GitHubRefusedException} when GitHub fails
   */
  public Optional<RichText> forAlert(Alert alert, List<String> failingTests) {
    Optional<GitHubRun> run = alert.gitHubRun();
    if (run.isEmpty()) {
      return Optional.empty();
    }
    List<FileOwners> owners = owners(run.get(), failingTests);
    Optional<RichText.Builder> author = author(run.get());
    boolean memberAuthored = run.get().commitAuthor().flatMap(team::findByHandle).isPresent();
    if (owners.isEmpty() && !memberAuthored) {
      // The alert already names the commit's author; a reply only helps with more (or a mention).
      return Optional.empty();
    }
    RichText.Builder t = RichText.builder().bold("Who to ask");
    for (FileOwners o : owners) {
      t.newline().code(o.file()).text(": ");
      for (int i = 0; i < o.people().size(); i++) {
        t.text(i == 0 ? "" : ", ");
        person(t, o.people().get(i));
      }
    }
    author.ifPresent(a -> t.newline().text("Commit author of the run: ").append(a.build()));
    return Optional.of(t.build());
  }

  private List<FileOwners> owners(GitHubRun run, List<String> failingTests) {
    Set<String> files = new LinkedHashSet<>();
    for (String test : failingTests) {
      TestFiles.of(test).ifPresent(files::add);
    }
    List<FileOwners> owners = new ArrayList<>();
    for (String file : files.stream().limit(MAX_FILES).toList()) {
      Set<String> people = new LinkedHashSet<>();
      for (FileCommit c : github.commits(run.repo(), file, COMMITS)) {
        people.add(c.login().map(l -> "@" + l).orElse(c.authorName()));
        if (people.size() == PEOPLE) {
          break;
        }
      }
      people.remove("");
      if (!people.isEmpty()) {
        // A guessed path GitHub knows no commits for names nobody; leave it out.
        owners.add(new FileOwners(file, List.copyOf(people)));
      }
    }
    return owners;
  }

  /** The run's head-commit author, by name, and who started it when that is someone else. */
  private Optional<RichText.Builder> author(GitHubRun run) {
    Optional<Member> byName = run.commitAuthor().flatMap(team::findByHandle);
    Optional<Member> byActor = run.actor().flatMap(this::byLogin);
    if (byName.isPresent()) {
      return Optional.of(RichText.builder().mention(byName.get().id()));
    }
    if (run.commitAuthor().isPresent()) {
      RichText.Builder t = RichText.builder().text(run.commitAuthor().get());
      byActor.ifPresent(m -> t.text(" (pushed by ").mention(m.id()).text(")"));
      return Optional.of(t);
    }
    return byActor.map(m -> RichText.builder().mention(m.id()));
  }

  /** {@code @login} as a member's mention when the login is known, else as it is. */
  private void person(RichText.Builder t, String person) {
    Optional<Member> member =
        person.startsWith("@") ? byLogin(person.substring(1)) : team.findByHandle(person);
    if (member.isPresent()) {
      t.mention(member.get().id());
    } else {
      t.text(person.startsWith("@") ? person.substring(1) : person);
    }
  }

  private Optional<Member> byLogin(String login) {
    String wanted = login.toLowerCase(Locale.ROOT);
    return team.members().stream()
        .filter(
            m ->
                Optional.ofNullable(m.githubLogin())
                    .filter(l -> l.toLowerCase(Locale.ROOT).equals(wanted))
                    .isPresent())
        .findFirst();
  }

  private record FileOwners(String file, List<String> people) {}
}
