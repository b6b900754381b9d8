package dev.meister.bot.app;

import dev.meister.bot.config.ChatTarget;
import dev.meister.bot.config.DutiesConfig;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.github.GitHubClient;
import dev.meister.bot.github.GitHubEpicAssignees;
import dev.meister.bot.jobs.Timekeeper;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.escalation.AckNudges;
import dev.meister.core.escalation.Escalations;
import dev.meister.core.escalation.FixOrRevertSchedule;
import dev.meister.core.escalation.RedBuilds;
import dev.meister.core.filing.FilingRule;
import dev.meister.core.filing.ReportFiling;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.handoff.EpicRef;
import dev.meister.core.handoff.Handoffs;
import dev.meister.core.handoff.IssueRefresh;
import dev.meister.core.pipeline.CheckReminders;
import dev.meister.core.pipeline.FixChecks;
import dev.meister.core.pipeline.SlaChecks;
import dev.meister.core.pipeline.WorkHoursTags;
import dev.meister.core.review.IssueReviews;
import dev.meister.core.review.ReviewPosts;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleRequests;
import dev.meister.core.shift.ShiftReminderRule;
import dev.meister.core.shift.ShiftReminders;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.timing.DueWork;
import dev.meister.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The timed duties assembled from the configuration: hand-offs, escalation, fix-or-revert and SLA
 * checks, and the {@link Timekeeper} that runs them.
 */
final class Duties {
  private final Handoffs handoffs;
  private final ScheduleRequests requests;
  private final Timekeeper timekeeper;
  private final IssueReviews reviews;
  private final ReviewPosts reviewPosts;

  /**
   * @param router the routes, built once by the root
   * @param github moves the epics and tells the hand-offs which issues are still open; null without
   *     a {@code github} token
   */
  Duties(Meister meister, Clock clock, Router router, @Nullable GitHubClient github) {
    this(meister, clock, router, github, List.of());
  }

  /**
   * @param more further timed work of other parts, run by the same timekeeper (e.g. the expiry of
   *     runbook action requests)
   */
  Duties(
      Meister meister,
      Clock clock,
      Router router,
      @Nullable GitHubClient github,
      List<DueWork> more) {
    MeisterConfig config = meister.config();
    DutiesConfig duties = config.duties();
    Storage storage = meister.storage();
    this.reviews =
        new IssueReviews(
            // Seed 002 reviews "issues that belong to the Epic" new issues are filed under.
            new IssueRefresh(
                storage.openWork(),
                Optional.ofNullable(github),
                reviewedEpics(config),
                duties.handBacks(),
                config.priorities(),
                clock),
            storage.issueLinks(),
            storage.resolutions(),
            config.priorities(),
            duties.issueReviews().staleAfter(),
            clock);
    this.reviewPosts =
        new ReviewPosts(
            reviews,
            meister.directory(),
            rotationChats(config),
            storage.outbox(),
            storage.database(),
            Optional.of(
                new FlakyTests(
                    storage.buildRuns(),
                    storage.messageLinks(),
                    storage.outbox(),
                    Optional.empty())),
            duties.issueReviews().flakyRates(),
            clock);
    this.handoffs =
        new Handoffs(
            meister.directory(),
            config.team(),
            rotationChats(config),
            duties.epics(),
            duties.handoffs(),
            storage.handoffs(),
            storage.openWork(),
            new IssueRefresh(
                storage.openWork(),
                Optional.ofNullable(github),
                duties.epics(),
                duties.handBacks(),
                config.priorities(),
                clock),
            storage.outbox(),
            storage.database(),
            github == null ? null : new GitHubEpicAssignees(github),
            clock,
            config.shiftReminders().stream()
                .filter(r -> !r.handshake())
                .map(ShiftReminderRule::rotation)
                .collect(java.util.stream.Collectors.toSet()));
    this.requests =
        new ScheduleRequests(
            meister.directory(),
            storage.requests(),
            meister.overrides(),
            storage.outbox(),
            storage.database(),
            clock);
    List<DueWork> work = new ArrayList<>();
    work.add(handoffs);
    work.add(
        new Escalations(
            router,
            duties.ackTimeouts(),
            meister.directory(),
            config.team(),
            storage.alerts(),
            storage.followUps(),
            storage.messageLinks(),
            storage.outbox(),
            storage.database(),
            storage.snoozes()));
    work.add(
        new AckNudges(
            duties.escalation().nudgeAfter(),
            router,
            meister.directory(),
            config.team(),
            storage.alerts(),
            storage.escalations(),
            storage.messageLinks(),
            storage.outbox(),
            storage.database(),
            storage.snoozes()));
    if (github != null && config.github().filingEnabled()) {
      // /issue new: filed on the timekeeper's thread, never the chat's.
      work.add(
          new ReportFiling(
              storage.issueReports(),
              github,
              config.github().filingRules(),
              storage.filedIssues(),
              meister.directory(),
              config.team(),
              storage.outbox(),
              storage.database(),
              clock));
    }
    if (duties.fixOrRevert().enabled()) {
      work.add(
          new RedBuilds(
              new FixOrRevertSchedule(duties.fixOrRevert().after(), duties.fixOrRevert().every()),
              router,
              meister.directory(),
              config.team(),
              storage.alerts(),
              storage.runs(),
              storage.followUps(),
              storage.messageLinks(),
              storage.outbox(),
              storage.database(),
              storage.snoozes(),
              storage.silences()));
    }
    Map<String, DagRunSource> airflow = new LinkedHashMap<>();
    airflow.putAll(meister.airflow());
    work.add(
        new SlaChecks(
            duties.pipelines(),
            airflow,
            router,
            storage.slaChecks(),
            storage.outbox(),
            storage.database()));
    // Seed 004's fix-time SLAs and on-call schedules: each posts once, recorded in storage.
    work.add(
        new FixChecks(
            duties.pipelines(),
            storage.pipelineAlerts(),
            router,
            storage.pipelineNotices(),
            storage.outbox(),
            storage.database()));
    work.add(
        new WorkHoursTags(
            duties.pipelines(),
            storage.pipelineAlerts(),
            router,
            storage.pipelineNotices(),
            storage.outbox(),
            storage.database()));
    work.add(
        new CheckReminders(
            duties.pipelines(),
            airflow,
            router,
            storage.pipelineNotices(),
            storage.outbox(),
            storage.database()));
    // Reminders before each shift and, without the handshake, "@bob is on call now".
    work.add(
        new ShiftReminders(
            config.shiftReminders(),
            meister.directory(),
            config.team(),
            rotationChats(config),
            storage.shiftNotices(),
            storage.outbox(),
            storage.database()));
    work.addAll(more);
    Timekeeper keeper = new Timekeeper(work, clock);
    this.timekeeper = keeper;
    if (github != null && config.github().filingEnabled()) {
      // An /issue new report is filed at once, not at the next sweep: once the transaction that
      // queued it has committed, it wakes the timekeeper. Lives as long as the storage.
      var unused = storage.issueReports().onQueued(id -> keeper.wake());
    }
  }

  static Map<RotationId, ChatRef> rotationChats(MeisterConfig config) {
    Map<RotationId, ChatRef> chats = new LinkedHashMap<>();
    for (Map.Entry<RotationId, ChatTarget> e : config.rotationChats().entrySet()) {
      chats.put(e.getKey(), e.getValue().ref());
    }
    return chats;
  }

  /**
   * The epic each rotation's review lists the sub-issues of: the one its hand-off moves, else the
   * one its filing rule files new issues under ({@code github.rotations.<id>.epic}).
   */
  static Map<RotationId, EpicRef> reviewedEpics(MeisterConfig config) {
    Map<RotationId, EpicRef> epics = new LinkedHashMap<>(config.duties().epics());
    for (Rotation r : config.rotations()) {
      FilingRule rule = config.github().filingRules().ruleFor(r.id());
      if (!epics.containsKey(r.id())
          && rule.epicNumber().isPresent()
          && rule.targetRepo().isPresent()) {
        epics.put(r.id(), EpicRef.parse(rule.targetRepo().get() + "#" + rule.epicNumber().get()));
      }
    }
    return epics;
  }

  /** The hand-off handshake, for its chat command and buttons. */
  Handoffs handoffs() {
    return handoffs;
  }

  /** Override and swap requests, for their chat commands and buttons. */
  ScheduleRequests requests() {
    return requests;
  }

  /** The rotations' open issues, for {@code /issues}. */
  IssueReviews reviews() {
    return reviews;
  }

  /** Posts a rotation's open issues to its chat, on its {@code review} schedule. */
  ReviewPosts reviewPosts() {
    return reviewPosts;
  }

  Timekeeper timekeeper() {
    return timekeeper;
  }
}
