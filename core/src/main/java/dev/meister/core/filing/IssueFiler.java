package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.buildhint.FailedJob;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Member;
import dev.meister.core.team.Team;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
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

  private final IssueTracker github;
  private final FilingRules config;
  private final FailureExtractor extractor;
  private final IssueWriter writer;
  private final FiledIssueStore filed;
  private final AlertFingerprints fingerprints;
  private final Team team;
  private final OnCallDirectory directory;
  private final Clock clock;
  private final BiPredicate<String, String> knownFlaky;

  /** The label an issue for a flaky test carries, beside the filing rule's. */
  public static final String FLAKY_LABEL = "flaky";

  public IssueFiler(
      IssueTracker github,
      FilingRules config,
      FiledIssueStore filed,
      AlertFingerprints fingerprints,
      Team team,
      OnCallDirectory directory,
      Clock clock) {
    this(github, config, filed, fingerprints, team, directory, clock, (repo, test) -> false);
  }

  /**
   * @param knownFlaky whether a test of a repository ever passed on re-run after failing: the issue
   *     of a root cause with such a test is labelled {@value #FLAKY_LABEL}
   */
  public IssueFiler(
      IssueTracker github,
      FilingRules config,
      FiledIssueStore filed,
      AlertFingerprints fingerprints,
      Team team,
      OnCallDirectory directory,
      Clock clock,
      BiPredicate<String, String> knownFlaky) {
    this.knownFlaky = knownFlaky;
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
   * Files one issue per root cause of {@code alert}'s failures, or joins the open one a root cause
   * already has. An open issue filed for the run's whole set of failing tests (before root-cause
   * groups) is still joined as one group.
   *
   * @param chosen the priority label a person chose ({@code /issue P4}); else the alert's level
   *     follows it into the issue (a Tokyo failure is filed at the top level, not the route's
   *     default), and only an alert without a level gets the filing rule's label
   */
  List<FilingOutcome> file(Alert alert, Optional<String> chosen) {
    FilingRule configured = rule(alert);
    Optional<String> label = chosen.or(() -> alert.priority().level());
    FilingRule rule = label.map(configured::withPriority).orElse(configured);
    Analysis analysis = analyse(alert);
    String fingerprint =
        IssueFingerprint.of(alert, analysis.failures(), analysis.job(), analysis.step());
    if (!fingerprint.equals(alert.fingerprint())) {
      fingerprints.refine(alert.storedId(), fingerprint);
    }
    Optional<OpenIssue> whole = openIssue(fingerprint);
    if (whole.isPresent()) {
      return List.of(join(alert, whole.get().ref(), whole.get().current(), analysis.failures()));
    }
    List<FailureGroup> groups = analysis.groups();
    if (groups.isEmpty()) {
      return List.of(fileNew(alert, rule, fingerprint, analysis.failures(), Optional.empty(), ""));
    }
    String runRepo = alert.gitHubRun().map(GitHubRun::repo).orElseThrow();
    List<FilingOutcome> outcomes = new ArrayList<>();
    for (FailureGroup group : groups) {
      String groupFingerprint = group.cause().fingerprint(runRepo);
      Optional<OpenIssue> open = openIssue(groupFingerprint);
      // A flaky test goes into its root cause's issue like any other, labelled so.
      boolean flaky = group.tests().stream().anyMatch(t -> knownFlaky.test(runRepo, t));
      if (open.isPresent()) {
        FilingOutcome joined = joinGroup(alert, open.get().ref(), open.get().current(), group);
        if (flaky) {
          // Adding a label the issue has changes nothing on GitHub.
          List<String> notes = new ArrayList<>(joined.notes());
          IssueRef ref = open.get().ref();
          bestEffort(
              notes,
              "labelling #" + ref.number() + " " + FLAKY_LABEL,
              () -> github.addLabels(ref.repo(), ref.number(), List.of(FLAKY_LABEL)));
          joined = new FilingOutcome(joined.issue(), false, joined.title(), notes);
        }
        outcomes.add(joined);
      } else {
        // Titles tell the issues of one run apart; a run of one root cause keeps the template's.
        String suffix = groups.size() > 1 ? " - " + group.label(groups) : "";
        outcomes.add(
            fileNew(
                alert,
                flaky ? rule.withLabel(FLAKY_LABEL) : rule,
                groupFingerprint,
                group.failures(),
                Optional.of(group.cause()),
                suffix));
      }
    }
    return outcomes;
  }

  private FilingOutcome fileNew(
      Alert alert,
      FilingRule rule,
      String fingerprint,
      Failures failures,
      Optional<RootCause> cause,
      String titleSuffix) {
    String repo = repo(alert, rule);
    Optional<Member> onCall = onCall(alert);
    IssueDraft draft =
        writer.draft(alert, failures, fingerprint, repo, rule, onCall, team.teamLeads());
    // Assignees go separately: a login GitHub does not accept must not stop the filing.
    GitHubIssue issue =
        github.createIssue(
            new IssueDraft(
                draft.repo(),
                draft.title() + titleSuffix,
                draft.body(),
                draft.labels(),
                List.of()));
    IssueRef ref = new IssueRef(repo, issue.number(), issue.url());
    filed.record(
        new FiledIssue(
            ref,
            issue.id(),
            issue.title(),
            fingerprint,
            clock.instant(),
            true,
            rule.priority(),
            cause));
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
   * Adds {@code login} as an assignee of {@code issue} ({@code /assign}); returns who that is, as
   * "Alice Doe (alice-gh)".
   *
   * @throws GitHubRefusedException also when GitHub accepted the call but skipped the login, as it
   *     does silently for one without access to the repository
   */
  String assign(IssueRef issue, String login) {
    List<String> assigned = github.addAssignees(issue.repo(), issue.number(), List.of(login));
    if (assigned.stream().noneMatch(login::equalsIgnoreCase)) {
      throw new GitHubRefusedException(
          422,
          "GitHub did not accept " + login + " as assignee of " + issue + " (no access to it?)");
    }
    return team.members().stream()
        .filter(m -> login.equalsIgnoreCase(m.githubLogin()))
        .findFirst()
        .map(m -> m.displayName() + " (" + login + ")")
        .orElse(login);
  }

  /**
   * The open issues Meister filed for the root causes that the alert's logs show: the run's whole
   * set of failing tests when an issue was filed for it, else each root-cause group's.
   */
  SameIssues sameRootCause(Alert alert) {
    return sameRootCause(alert, analyse(alert));
  }

  /** As {@link #sameRootCause(Alert)}, from logs {@link #analysis} already read. */
  SameIssues sameRootCause(Alert alert, Analysis analysis) {
    String fingerprint =
        IssueFingerprint.of(alert, analysis.failures(), analysis.job(), analysis.step());
    if (fingerprint.equals(alert.fingerprint())) {
      // Complete at intake: the alert's own message already said "looks like".
      return SameIssues.none();
    }
    fingerprints.refine(alert.storedId(), fingerprint);
    Optional<OpenIssue> whole = openIssue(fingerprint);
    if (whole.isPresent()) {
      return new SameIssues(
          List.of(new SameIssue(whole.get().filed(), Optional.empty(), "")), List.of());
    }
    return sameGroups(alert, analysis.groups());
  }

  private SameIssues sameGroups(Alert alert, List<FailureGroup> groups) {
    String runRepo = alert.gitHubRun().map(GitHubRun::repo).orElse("");
    List<SameIssue> same = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (FailureGroup group : groups) {
      Optional<OpenIssue> open = openIssue(group.cause().fingerprint(runRepo));
      if (open.isPresent()) {
        same.add(new SameIssue(open.get().filed(), Optional.of(group), group.label(groups)));
      } else {
        fresh.add(group.label(groups));
      }
    }
    return new SameIssues(same, fresh);
  }

  /**
   * Links {@code alert} to issue {@code number}, commenting there with the new run. When that is
   * the issue of one of the run's root causes, the other root causes' open issues are joined too: a
   * "looks like #12 and #15" hint offers one Same-as button for all of them.
   */
  List<FilingOutcome> join(Alert alert, int number) {
    String repo = repo(alert, rule(alert));
    boolean perGroup = filed.find(repo, number).flatMap(FiledIssue::rootCause).isPresent();
    if (perGroup) {
      SameIssues same = sameGroups(alert, analyse(alert).groups());
      if (same.names(repo, number)) {
        List<FilingOutcome> joined = new ArrayList<>();
        for (SameIssue s : same.same()) {
          GitHubIssue current = github.issue(s.issue().ref().repo(), s.issue().ref().number());
          joined.add(joinGroup(alert, s.issue().ref(), current, s.group().orElseThrow()));
        }
        return joined;
      }
    }
    GitHubIssue current = github.issue(repo, number);
    return List.of(
        join(alert, new IssueRef(repo, number, current.url()), current, Failures.none()));
  }

  /** The newest open issue filed under {@code fingerprint}; one GitHub closed is marked so. */
  private Optional<OpenIssue> openIssue(String fingerprint) {
    Optional<FiledIssue> same = filed.openFor(fingerprint);
    if (same.isEmpty()) {
      return Optional.empty();
    }
    GitHubIssue current = github.issue(same.get().ref().repo(), same.get().ref().number());
    if (!current.open()) {
      filed.closed(same.get().ref());
      return Optional.empty();
    }
    return Optional.of(new OpenIssue(same.get(), current));
  }

  private FilingOutcome join(Alert alert, IssueRef ref, GitHubIssue current, Failures failures) {
    github.comment(ref.repo(), ref.number(), IssueComments.failedAgain(alert, failures));
    List<String> notes = new ArrayList<>();
    if (!current.open()) {
      notes.add("note: #" + ref.number() + " is closed");
    }
    return new FilingOutcome(
        new IssueRef(ref.repo(), ref.number(), current.url()), false, current.title(), notes);
  }

  private FilingOutcome joinGroup(
      Alert alert, IssueRef ref, GitHubIssue current, FailureGroup group) {
    github.comment(ref.repo(), ref.number(), IssueComments.sameFailure(alert, group));
    return new FilingOutcome(
        new IssueRef(ref.repo(), ref.number(), current.url()), false, current.title(), List.of());
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

  /** Reads the failed jobs' logs of {@code alert}'s run: what its analysis and filing use. */
  Analysis analysis(Alert alert) {
    return analyse(alert);
  }

  private Analysis analyse(Alert alert) {
    Optional<String> repo = alert.gitHubRun().map(GitHubRun::repo);
    Optional<Long> runId = alert.gitHubRun().flatMap(GitHubRun::runId);
    if (repo.isEmpty() || runId.isEmpty()) {
      return new Analysis(Failures.none(), List.of(), null, null, List.of(), List.of());
    }
    List<WorkflowJob> failed =
        github.runJobs(repo.get(), runId.get()).stream().filter(WorkflowJob::failed).toList();
    Failures failures = Failures.none();
    List<TestFailure> byTest = new ArrayList<>();
    List<FailedJob> jobs = new ArrayList<>();
    List<UnreadableLog> unreadable = new ArrayList<>();
    for (WorkflowJob job : failed.subList(0, Math.min(MAX_JOBS, failed.size()))) {
      Optional<String> read = jobLog(repo.get(), job, unreadable);
      jobs.add(new FailedJob(job.name(), job.failedStep(), read));
      if (read.isPresent()) {
        failures = failures.and(extractor.extract(read.get()));
        byTest.addAll(extractor.byTest(read.get()));
      }
    }
    WorkflowJob first = failed.isEmpty() ? null : failed.get(0);
    return new Analysis(
        failures,
        byTest,
        first == null ? null : first.name(),
        first == null ? null : first.failedStep().orElse(null),
        jobs,
        unreadable);
  }

  /**
   * The job's log; empty, noted in {@code unreadable}, when GitHub refuses it (a log deleted or
   * past its retention answers 404 or 410): asking again will not bring it back. An outage still
   * throws, so the request is tried again later.
   */
  private Optional<String> jobLog(String repo, WorkflowJob job, List<UnreadableLog> unreadable) {
    try {
      return Optional.of(github.jobLog(repo, job.id()));
    } catch (GitHubRefusedException e) {
      log.info(
          "the log of job {} ({}) in {} cannot be read: {}",
          job.id(),
          job.name(),
          repo,
          e.describe());
      unreadable.add(new UnreadableLog(job.name(), e.describe()));
      return Optional.empty();
    }
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

  /** Who was on call for the alert's rotation when it came in: the issue's assignee. */
  private Optional<Member> onCall(Alert alert) {
    var at = alert.receivedAt();
    return alert
        .routedRotation()
        .flatMap(directory::find)
        .flatMap(r -> team.find(directory.resolver(r, at).onCallAt(at).primary().member()));
  }

  /**
   * What the failed jobs' logs of a run show.
   *
   * @param jobs the failed jobs read, each with its log when it could be read
   * @param unreadable the failed jobs whose logs GitHub refused
   */
  record Analysis(
      Failures failures,
      List<TestFailure> byTest,
      @Nullable String job,
      @Nullable String step,
      List<FailedJob> jobs,
      List<UnreadableLog> unreadable) {
    List<FailureGroup> groups() {
      return FailureGroup.of(byTest);
    }
  }

  /** An issue Meister filed and GitHub still has open. */
  private record OpenIssue(FiledIssue filed, GitHubIssue current) {
    IssueRef ref() {
      return filed.ref();
    }
  }
}
