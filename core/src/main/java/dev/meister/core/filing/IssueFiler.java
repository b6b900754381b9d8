package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.Member;
import dev.meister.core.team.Team;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does on GitHub what one request asks: reads the failed jobs' logs, then files a new issue or,
 * when an open issue Meister filed has the same root cause, comments there instead. Only the
 * creation or comment must succeed; linking to the epic and assigning are best effort and their
 * failures become notes in the reply.
 */
public final class IssueFiler {
  private static final Logger log = LoggerFactory.getLogger(IssueFiler.class);

  /** Logs of more failed jobs than this add little and cost a download each. */
  private static final int MAX_JOBS = 5;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IssueTracker github;
  private final FilingRules config;
  private final FailureExtractor extractor;
  private final IssueWriter writer;
  private final FiledIssueStore filed;
  private final AlertFingerprints fingerprints;
  private final Team team;
  private final OnCallDirectory directory;
  private final Clock clock;

  public IssueFiler(
      IssueTracker github,
      FilingRules config,
      FiledIssueStore filed,
      AlertFingerprints fingerprints,
      Team team,
      OnCallDirectory directory,
      Clock clock) {
    this.github = github;
    this.config = config;
    this.extractor = new FailureExtractor(config.traceLines());
    this.writer = new IssueWriter(config.githubTitle(), config.airflowTitle());
    this.filed = filed;
    this.fingerprints = fingerprints;
    this.team = team;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Files an issue for {@code alert}, or joins the open one with the same root cause.
   *
   * @param chosen the priority label a person chose ({@code /issue P4}); else the alert's level
   *     follows it into the issue (a Tokyo failure is filed at the top level, not the route's
   *     default), and only an alert without a level gets the filing rule's label
   */
  FilingOutcome file(Alert alert, Optional<String> chosen) {
    FilingRule configured = rule(alert);
    Optional<String> label = chosen.or(() -> alert.priority().level());
    FilingRule rule = label.map(configured::withPriority).orElse(configured);
    Analysis analysis = analyse(alert);
    String fingerprint =
        IssueFingerprint.of(alert, analysis.failures(), analysis.job(), analysis.step());
    if (!fingerprint.equals(alert.fingerprint())) {
      fingerprints.refine(alert.storedId(), fingerprint);
    }
    Optional<FiledIssue> same = filed.openFor(fingerprint);
    if (same.isPresent()) {
      GitHubIssue current = github.issue(same.get().ref().repo(), same.get().ref().number());
      if (current.open()) {
        return join(alert, same.get().ref(), current, analysis.failures());
      }
      filed.closed(same.get().ref());
    }
    String repo = repo(alert, rule);
    Member onCall = onCall(alert);
    IssueDraft draft =
        writer.draft(alert, analysis.failures(), fingerprint, repo, rule, onCall, team.teamLeads());
    // Assignees go separately: a login GitHub does not accept must not stop the filing.
    GitHubIssue issue =
        github.createIssue(
            new IssueDraft(draft.repo(), draft.title(), draft.body(), draft.labels(), List.of()));
    IssueRef ref = new IssueRef(repo, issue.number(), issue.url());
    filed.record(
        new FiledIssue(
            ref, issue.id(), issue.title(), fingerprint, clock.instant(), true, rule.priority()));
    List<String> notes = new ArrayList<>();
    if (!draft.assignees().isEmpty()) {
      bestEffort(
          notes,
          "assigning " + String.join(", ", draft.assignees()),
          () -> github.addAssignees(repo, issue.number(), draft.assignees()));
    }
    rule.epicNumber().ifPresent(epic -> linkToEpic(repo, epic, issue, draft.body(), notes));
    return new FilingOutcome(ref, true, issue.title(), notes);
  }

  /**
   * The open issue Meister filed for the root cause that the alert's logs show, when reading them
   * sharpened its fingerprint (the alert message could not know it at intake).
   */
  Optional<FiledIssue> sameRootCause(Alert alert) {
    Analysis analysis = analyse(alert);
    String fingerprint =
        IssueFingerprint.of(alert, analysis.failures(), analysis.job(), analysis.step());
    if (fingerprint.equals(alert.fingerprint())) {
      return Optional.empty();
    }
    fingerprints.refine(alert.storedId(), fingerprint);
    Optional<FiledIssue> same = filed.openFor(fingerprint);
    if (same.isPresent()
        && !github.issue(same.get().ref().repo(), same.get().ref().number()).open()) {
      filed.closed(same.get().ref());
      return Optional.empty();
    }
    return same;
  }

  /** Links {@code alert} to issue {@code number}, commenting there with the new run. */
  FilingOutcome join(Alert alert, int number) {
    String repo = repo(alert, rule(alert));
    GitHubIssue current = github.issue(repo, number);
    return join(alert, new IssueRef(repo, number, current.url()), current, Failures.none());
  }

  private FilingOutcome join(Alert alert, IssueRef ref, GitHubIssue current, Failures failures) {
    github.comment(ref.repo(), ref.number(), comment(alert, failures));
    List<String> notes = new ArrayList<>();
    if (!current.open()) {
      notes.add("note: #" + ref.number() + " is closed");
    }
    return new FilingOutcome(
        new IssueRef(ref.repo(), ref.number(), current.url()), false, current.title(), notes);
  }

  /** GitHub sub-issues where the server has them; else a "Part of" line and a comment. */
  private void linkToEpic(
      String repo, int epic, GitHubIssue issue, String body, List<String> notes) {
    try {
      github.addSubIssue(repo, epic, issue.id());
      return;
    } catch (GitHubRefusedException e) {
      log.info("sub-issue link to #{} refused ({}); using a Part of line", epic, e.describe());
    }
    bestEffort(
        notes,
        "linking to epic #" + epic,
        () -> {
          github.editBody(repo, issue.number(), body + "\nPart of #" + epic + "\n");
          github.comment(repo, epic, "Sub-issue: #" + issue.number() + " " + issue.title());
        });
  }

  private static void bestEffort(List<String> notes, String what, Runnable action) {
    try {
      action.run();
    } catch (GitHubRefusedException e) {
      notes.add(what + " failed: " + e.describe());
    }
  }

  private String comment(Alert alert, Failures failures) {
    StringBuilder c = new StringBuilder("Failed again ");
    c.append(alert.receivedAt().atZone(ZoneOffset.UTC).format(WHEN)).append(" UTC");
    alert.origin().pageUrl().ifPresent(url -> c.append(": ").append(url));
    alert
        .gitHubRun()
        .flatMap(GitHubRun::branch)
        .ifPresent(b -> c.append(" (branch `").append(b).append("`)"));
    c.append("\n\n")
        .append(alert.title())
        .append(" — Meister alert #")
        .append(alert.storedId())
        .append('\n');
    for (String t : failures.tests()) {
      c.append("- `").append(t).append("`\n");
    }
    return c.toString();
  }

  private Analysis analyse(Alert alert) {
    Optional<String> repo = alert.gitHubRun().map(GitHubRun::repo);
    Optional<Long> runId = alert.gitHubRun().flatMap(GitHubRun::runId);
    if (repo.isEmpty() || runId.isEmpty()) {
      return new Analysis(Failures.none(), null, null);
    }
    List<WorkflowJob> failed =
        github.runJobs(repo.get(), runId.get()).stream().filter(WorkflowJob::failed).toList();
    Failures failures = Failures.none();
    for (WorkflowJob job : failed.subList(0, Math.min(MAX_JOBS, failed.size()))) {
      failures = failures.and(extractor.extract(github.jobLog(repo.get(), job.id())));
    }
    WorkflowJob first = failed.isEmpty() ? null : failed.get(0);
    return new Analysis(
        failures,
        first == null ? null : first.name(),
        first == null ? null : first.failedStep().orElse(null));
  }

  private FilingRule rule(Alert alert) {
    return config.ruleFor(alert.routedRotation(), alert.routeName());
  }

  private static String repo(Alert alert, FilingRule rule) {
    return rule.targetRepo()
        .or(() -> alert.gitHubRun().map(GitHubRun::repo))
        .orElseThrow(
            () ->
                new NotFileableException(
                    "no repository to file in: set"
                        + " github.repo (or github.rotations."
                        + alert.routedRotation().map(Object::toString).orElse("ROTATION")
                        + ".repo) in the configuration"));
  }

  private @Nullable Member onCall(Alert alert) {
    Optional<Rotation> rotation = alert.routedRotation().flatMap(directory::find);
    if (rotation.isEmpty()) {
      return null;
    }
    var at = alert.receivedAt();
    return team.find(directory.resolver(rotation.get(), at).onCallAt(at).primary().member())
        .orElse(null);
  }

  private record Analysis(Failures failures, @Nullable String job, @Nullable String step) {}
}
