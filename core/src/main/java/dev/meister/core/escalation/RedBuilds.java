package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.alert.RunHistory;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.silence.Silence;
import dev.meister.core.silence.SilenceStore;
import dev.meister.core.silence.Snooze;
import dev.meister.core.silence.SnoozeStore;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Fix it or revert": a red build (workflow and branch) with no later success gets a reminder under
 * its latest alert, tagging the on-call and the commit's author, at the configured pace until the
 * workflow succeeds on that branch again. Reminder numbers are stored with their messages.
 */
public final class RedBuilds implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(RedBuilds.class);

  /** A build red for longer than this has been dealt with in some other way. */
  private static final Duration HORIZON = Duration.ofDays(7);

  private static final int BATCH = 2000;

  private final FixOrRevertSchedule schedule;
  private final Router routes;
  private final OnCallDirectory directory;
  private final Team team;
  private final AlertStore alerts;
  private final RunHistory runs;
  private final AlertFollowUps followUps;
  private final FollowUpPoster poster;
  private final Transactions transactions;
  private final @org.jspecify.annotations.Nullable SnoozeStore snoozes;
  private final @org.jspecify.annotations.Nullable SilenceStore silences;

  public RedBuilds(
      FixOrRevertSchedule schedule,
      Router router,
      OnCallDirectory directory,
      Team team,
      AlertStore alerts,
      RunHistory runs,
      AlertFollowUps followUps,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions) {
    this(
        schedule,
        router,
        directory,
        team,
        alerts,
        runs,
        followUps,
        links,
        outbox,
        transactions,
        null,
        null);
  }

  /**
   * @param snoozes a snoozed build's reminders wait: its return from the snooze reminds the
   *     on-call, the next reminder follows one {@code every} later; null for no snoozes
   * @param silences a build whose latest alert was silenced is not reminded about while that
   *     silence lasts; null for no silences
   */
  public RedBuilds(
      FixOrRevertSchedule schedule,
      Router router,
      OnCallDirectory directory,
      Team team,
      AlertStore alerts,
      RunHistory runs,
      AlertFollowUps followUps,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions,
      @org.jspecify.annotations.Nullable SnoozeStore snoozes,
      @org.jspecify.annotations.Nullable SilenceStore silences) {
    this.snoozes = snoozes;
    this.silences = silences;
    this.schedule = schedule;
    this.routes = router;
    this.directory = directory;
    this.team = team;
    this.alerts = alerts;
    this.runs = runs;
    this.followUps = followUps;
    this.poster = new FollowUpPoster(links, outbox);
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "fix-or-revert";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Alert alert : latestPerBuild(now)) {
      try {
        next = DueWork.earliest(next, remind(alert, now));
      } catch (RuntimeException e) {
        log.error("fix-or-revert reminder for alert {} failed", alert.id(), e);
      }
    }
    return next;
  }

  /** The latest failure of each repository, workflow and branch. */
  private List<Alert> latestPerBuild(Instant now) {
    Map<String, Alert> latest = new LinkedHashMap<>();
    for (AlertId id : followUps.buildFailuresSince(now.minus(HORIZON), BATCH)) {
      alerts.find(id).ifPresent(a -> latest.put(key(a), a));
    }
    return List.copyOf(latest.values());
  }

  private Optional<Instant> remind(Alert alert, Instant now) {
    Optional<GitHubRun> run = alert.gitHubRun();
    String repo = run.map(GitHubRun::repo).orElse("");
    String workflow = run.flatMap(GitHubRun::workflowPath).orElse("");
    String branch = run.flatMap(GitHubRun::branch).orElse("");
    Optional<Instant> green = runs.lastSuccess(repo, workflow, branch);
    Instant failedAt = alert.receivedAt();
    if (green.isPresent() && green.get().isAfter(failedAt)) {
      return Optional.empty();
    }
    Optional<Instant> held = heldUntil(alert, now);
    if (held.isPresent()) {
      return held;
    }
    Optional<Route> route = routes.routeOf(alert);
    int last = followUps.lastStep(alert.storedId(), FollowUpKind.FIX_OR_REVERT);
    int step = schedule.stepAt(failedAt, now);
    if (step > last) {
      MemberId onCall =
          route
              .flatMap(r -> directory.find(r.rotation()))
              .map(r -> directory.resolver(r, now).onCallAt(now).primary().member())
              .orElse(null);
      var message =
          EscalationMessages.fixOrRevert(
              alert, Duration.between(failedAt, now), onCall, author(alert));
      transactions.inTransaction(
          () ->
              followUps.record(alert.storedId(), FollowUpKind.FIX_OR_REVERT, step, now)
                  && poster.post(alert, route.map(Route::chat).orElse(null), message));
      last = step;
    }
    return Optional.of(schedule.dueAt(failedAt, last + 1));
  }

  /** Until when the alert's reminders wait: its snooze, or the silence that caught it. */
  private Optional<Instant> heldUntil(Alert alert, Instant now) {
    SnoozeStore z = snoozes;
    Optional<Instant> snoozed =
        z == null
            ? Optional.empty()
            : z.snoozeOf(alert.storedId())
                .map(Snooze::until)
                .map(u -> u.plus(schedule.every()))
                .filter(now::isBefore);
    SilenceStore q = silences;
    Optional<Instant> silenced =
        q == null
            ? Optional.empty()
            : q.silenceOf(alert.storedId()).filter(s -> s.activeAt(now)).map(Silence::endsAt);
    // Held until the later of the two.
    if (snoozed.isPresent() && silenced.isPresent()) {
      return snoozed.get().isAfter(silenced.get()) ? snoozed : silenced;
    }
    return snoozed.or(() -> silenced);
  }

  /** The commit's author as a team member, by the GitHub login that started the run. */
  private Optional<MemberId> author(Alert alert) {
    return alert
        .gitHubRun()
        .flatMap(GitHubRun::actor)
        .flatMap(
            actor ->
                team.members().stream()
                    .filter(m -> m.githubLogin() != null && m.githubLogin().equalsIgnoreCase(actor))
                    .map(Member::id)
                    .findFirst());
  }

  private static String key(Alert a) {
    Optional<GitHubRun> run = a.gitHubRun();
    return run.map(GitHubRun::repo).orElse("")
        + "\n"
        + run.flatMap(GitHubRun::workflowPath).orElse("")
        + "\n"
        + run.flatMap(GitHubRun::branch).orElse("");
  }
}
