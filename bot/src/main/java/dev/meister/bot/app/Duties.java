package dev.meister.bot.app;

import dev.meister.bot.airflow.AirflowClient;
import dev.meister.bot.config.ChatTarget;
import dev.meister.bot.config.DutiesConfig;
import dev.meister.bot.config.GitHubConfig;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.core.escalation.Escalations;
import dev.meister.core.escalation.RedBuilds;
import dev.meister.bot.github.GitHubClient;
import dev.meister.bot.github.Sleeper;
import dev.meister.bot.github.GitHubEpicAssignees;
import dev.meister.core.handoff.Handoffs;
import dev.meister.bot.jobs.Jobs;
import dev.meister.bot.jobs.Timekeeper;
import dev.meister.core.pipeline.SlaChecks;
import dev.meister.core.schedule.ScheduleRequests;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.escalation.FixOrRevertSchedule;
import dev.meister.core.handoff.EpicAssignees;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.alert.Router;
import dev.meister.core.timing.DueWork;
import dev.meister.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The timed duties assembled from the configuration: hand-offs, escalation, fix-or-revert and
 * SLA checks, and the {@link Timekeeper} that runs them.
 */
final class Duties implements AutoCloseable {
  private final Handoffs handoffs;
  private final ScheduleRequests requests;
  private final Timekeeper timekeeper;
  private final Clock clock;
  private @Nullable Jobs jobs;

  Duties(Meister meister, Runnable queued, Clock clock, Sleeper sleeper) {
    MeisterConfig config = meister.config();
    DutiesConfig duties = config.duties();
    Storage storage = meister.storage();
    this.handoffs = new Handoffs(meister.directory(), config.team(), rotationChats(config),
        duties.epics(), duties.handoffs(), storage.handoffs(), storage.openWork(),
        storage.outbox(), storage.database(), epicAssignees(config, clock, sleeper), queued,
        clock);
    this.requests = new ScheduleRequests(meister.directory(), storage.requests(),
        meister.overrides(), storage.outbox(), storage.database(), queued, clock);
    List<DueWork> work = new ArrayList<>();
    work.add(handoffs);
    Router router = RoutingConfig.router(config);
    work.add(new Escalations(router, duties.ackTimeouts(), meister.directory(), config.team(),
        storage.alerts(), storage.followUps(), storage.messageLinks(), storage.outbox(),
        storage.database(), queued));
    if (duties.fixOrRevert().enabled()) {
      work.add(new RedBuilds(new FixOrRevertSchedule(duties.fixOrRevert().after(),
          duties.fixOrRevert().every()), router, meister.directory(), config.team(),
          storage.alerts(), storage.runs(), storage.followUps(), storage.messageLinks(),
          storage.outbox(), storage.database(), queued));
    }
    Map<String, DagRunSource> airflow = new LinkedHashMap<>();
    config.airflow().forEach((name, instance) -> airflow.put(name, new AirflowClient(instance)));
    work.add(new SlaChecks(duties.pipelines(), airflow, router, storage.slaChecks(),
        storage.outbox(), storage.database(), queued));
    this.timekeeper = new Timekeeper(work, clock);
    this.clock = clock;
  }

  /** The epics move with the {@code github} section's token; without one they stay put. */
  private static @Nullable EpicAssignees epicAssignees(MeisterConfig config, Clock clock,
      Sleeper sleeper) {
    GitHubConfig github = config.github();
    return github.token().isPresent()
        ? new GitHubEpicAssignees(GitHubClient.create(github.apiUrl(), github.token().reveal(),
            clock, sleeper))
        : null;
  }

  static Map<RotationId, ChatRef> rotationChats(MeisterConfig config) {
    Map<RotationId, ChatRef> chats = new LinkedHashMap<>();
    for (Map.Entry<RotationId, ChatTarget> e : config.rotationChats().entrySet()) {
      chats.put(e.getKey(), e.getValue().ref());
    }
    return chats;
  }

  /** The hand-off handshake, for its chat command and buttons. */
  Handoffs handoffs() {
    return handoffs;
  }

  /** Override and swap requests, for their chat commands and buttons. */
  ScheduleRequests requests() {
    return requests;
  }

  Timekeeper timekeeper() {
    return timekeeper;
  }

  /** Starts the scheduler: a tick now, then at each due moment, and a sweep every {@code sweep}. */
  synchronized void start(Duration sweep) {
    if (jobs == null) {
      Jobs started = Jobs.start(2, clock);
      jobs = started;
      timekeeper.start(started, sweep);
    }
  }

  /** The scheduler, once started; other features schedule their own jobs on it. */
  @Nullable Jobs jobs() {
    return jobs;
  }

  @Override
  public synchronized void close() {
    if (jobs != null) {
      jobs.close();
      jobs = null;
    }
  }
}
