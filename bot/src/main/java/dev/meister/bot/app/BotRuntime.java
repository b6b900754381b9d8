package dev.meister.bot.app;

import dev.meister.core.alert.Acknowledgements;
import dev.meister.core.alert.AlertIntake;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.ChatRoutes;
import dev.meister.core.delivery.OutboxReplies;
import dev.meister.core.chat.MemberResolver;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.ServerConfig;
import dev.meister.core.delivery.OutboxWorker;
import dev.meister.core.alert.StormDigests;
import dev.meister.bot.github.Sleeper;
import dev.meister.bot.webhook.HealthCheck;
import dev.meister.bot.webhook.HealthStatus;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.bot.webhook.airflow.AirflowWebhook;
import dev.meister.bot.webhook.github.GitHubWebhook;
import dev.meister.core.alert.Acknowledger;
import dev.meister.core.alert.AlertFactory;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.StormGuard;
import dev.meister.core.alert.RunEventSink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.pipeline.PipelineNotes;
import dev.meister.core.command.CommandRegistry;
import dev.meister.bot.config.StatusPostConfig;
import dev.meister.bot.jobs.Jobs;
import dev.meister.bot.jobs.StatusSchedule;
import dev.meister.core.status.StatusPlan;
import dev.meister.core.status.StatusPosts;
import dev.meister.storage.GroupCommit;
import dev.meister.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot around a {@link Meister}: the delivery worker, the alert intake with its webhook
 * server, and acknowledgements, over whichever chat ports are connected. Closing stops them in
 * reverse order; undelivered messages stay in the outbox for the next start.
 */
final class BotRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

  private final OutboxWorker worker;
  private final ChatDispatcher dispatcher;
  private final AlertIntake intake;
  private final CommandRegistry commands;
  private final Filing filing;
  private final RunEventSink sink;
  private final StatusPosts statusPosts;
  private final List<StatusPostConfig> statusConfigs;
  private final Clock clock;
  private final Duties duties;
  private final List<AutoCloseable> started = new ArrayList<>();

  BotRuntime(Meister meister, List<ChatPort> ports, Clock clock) {
    this(meister, ports, clock, Sleeper.REAL);
  }

  /** @param sleeper how the GitHub client waits between retries; tests record instead */
  BotRuntime(Meister meister, List<ChatPort> ports, Clock clock, Sleeper sleeper) {
    MeisterConfig config = meister.config();
    Storage storage = meister.storage();
    ChatPorts chatPorts = new ChatPorts(ports);
    Runnable wake = this::nudgeDelivery;
    this.filing = new Filing(config.github(), config.team(), storage, meister.directory(), wake,
        clock, sleeper);
    started.add(filing);
    AlertMessages messages = new AlertMessages(config.team(),
        new PipelineNotes(config.duties().pipelines()),
        filing.enabled() ? storage.filedIssues() : null);
    // Telegram allows about 20 messages a minute in a group; the others are more generous.
    StormDigests storms = new StormDigests(new StormGuard(clock, 20, 20), storage.outbox(),
        storage.alerts(), messages, meister.directory(), storage.database(), clock);
    this.worker = new OutboxWorker(storage.outbox(), chatPorts, clock, storms);
    Runnable nudge = worker::nudge;
    // Webhook intakes from many threads share one durable commit; see GroupCommit.
    GroupCommit intakeCommits = new GroupCommit(storage.database(), 256);
    started.add(intakeCommits);
    this.intake = new AlertIntake(RoutingConfig.router(config), RoutingConfig.priorities(config),
        new AlertFactory(RoutingConfig.testTypes(config)), messages, meister.directory(),
        storage.alerts(), storage.runs(), storage.outbox(), intakeCommits, storms::admit,
        worker::nudge, clock);
    Acknowledgements acks = new Acknowledgements(
        new Acknowledger(storage.alerts(), storage.messageLinks(), clock), messages,
        storage.messageLinks(), storage.outbox(), storage.database(), meister.directory(), nudge);
    this.duties = new Duties(meister, nudge, clock, sleeper);
    ChatRoutes routes = ChatHandlers.routes(new ChatHandlers.Services(meister, acks,
        duties.handoffs(), duties.requests(), filing.desk(), clock));
    this.commands = routes.commands();
    // The adapters drop what the platforms mark as bots' own; the chain needs no identity here.
    this.dispatcher = new ChatDispatcher(routes, new MemberResolver(config.team()), chatPorts,
        new OutboxReplies(storage.outbox()), storage.database(), sender -> false);
    this.sink = filing.wrap(intake);
    this.statusConfigs = config.statusPosts();
    this.clock = clock;
    List<StatusPlan> plans = statusConfigs.stream().map(p -> p.plan()).toList();
    this.statusPosts = new StatusPosts(plans, meister.statusReader(), storage.statusPosts(),
        storage.outbox(), storage.database(), nudge, clock);
  }

  /** The daily DAG status posts; {@code run} puts them on a schedule. */
  StatusPosts statusPosts() {
    return statusPosts;
  }

  /** Where every adapter's receiver delivers inbound events. */
  ChatDispatcher dispatcher() {
    return dispatcher;
  }

  /** Every command the dispatcher serves, for adapters that publish a command menu. */
  CommandRegistry commands() {
    return commands;
  }

  AlertIntake intake() {
    return intake;
  }

  OutboxWorker worker() {
    return worker;
  }

  /** Where webhooks deliver: the intake, with "green again" notices. */
  RunEventSink sink() {
    return sink;
  }

  Filing filing() {
    return filing;
  }

  private void nudgeDelivery() {
    worker.nudge();
  }

  /**
   * Starts the timed duties (hand-offs, escalation, reminders, SLA checks): due work runs at once,
   * which is how a restart catches up, then at each due moment and every {@code sweep}.
   */
  void startTimers(Duration sweep) {
    duties.start(sweep);
    started.add(duties);
  }

  /**
   * Schedules the daily status posts and their polling every {@code tick} on the scheduler that
   * {@link #startTimers} started.
   */
  void startStatusPosts(Duration tick) {
    Jobs jobs = duties.jobs();
    if (jobs == null) {
      throw new IllegalStateException("start the timers before the status posts");
    }
    StatusSchedule.schedule(jobs, statusPosts, statusConfigs, tick, clock);
  }

  Duties duties() {
    return duties;
  }

  /** Starts delivering queued messages, including those left from the last run. */
  void startDelivery(Duration poll) {
    worker.start(poll);
    started.add(worker);
    filing.start(poll);
  }

  /**
   * Serves the webhook endpoints whose secrets are configured, the chat adapters' own endpoints
   * (Telegram in webhook mode), and /health.
   */
  WebhookServer startWebhooks(ServerConfig server, Storage storage, Clock clock,
      Map<String, HealthCheck> extraChecks, List<WebhookEndpoint> chatEndpoints) {
    List<WebhookEndpoint> endpoints = new ArrayList<>(chatEndpoints);
    if (server.githubSecret().isPresent()) {
      endpoints.add(new GitHubWebhook(
          server.githubSecret().reveal().getBytes(StandardCharsets.UTF_8)));
    } else {
      log.warn("server.github_secret is not set: POST /hooks/github is not served");
    }
    if (server.airflowToken().isPresent()) {
      endpoints.add(new AirflowWebhook(server.airflowToken().reveal(), clock));
    } else {
      log.warn("server.airflow_token is not set: POST /hooks/airflow is not served");
    }
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    checks.put("database", () -> storage.database().isReachable()
        ? HealthStatus.healthy() : HealthStatus.unhealthy("database not reachable"));
    checks.putAll(extraChecks);
    WebhookServer webhooks = new WebhookServer(endpoints, sink, checks)
        .start(server.bind(), server.port());
    started.add(webhooks);
    log.info("webhooks on http://{}:{}", server.bind(), webhooks.port());
    return webhooks;
  }

  /** Something else to stop with the runtime, e.g. a chat receiver. */
  void own(AutoCloseable resource) {
    started.add(resource);
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed", started.get(i), e);
      }
    }
    started.clear();
  }
}
