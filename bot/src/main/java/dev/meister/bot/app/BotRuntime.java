package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.config.StatusPostConfig;
import dev.meister.bot.github.GitHubClient;
import dev.meister.bot.github.Sleeper;
import dev.meister.bot.jobs.Jobs;
import dev.meister.bot.jobs.ReviewSchedule;
import dev.meister.bot.jobs.StatusSchedule;
import dev.meister.bot.metrics.MeteredOutbox;
import dev.meister.bot.metrics.Metrics;
import dev.meister.bot.metrics.MetricsRoute;
import dev.meister.bot.metrics.OutboxBacklogGauges;
import dev.meister.bot.metrics.SchedulerLag;
import dev.meister.bot.metrics.WebhookMetrics;
import dev.meister.bot.webhook.ClusterRole;
import dev.meister.bot.webhook.HealthCheck;
import dev.meister.bot.webhook.HealthStatus;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.bot.webhook.airflow.AirflowUi;
import dev.meister.bot.webhook.airflow.AirflowWebhook;
import dev.meister.bot.webhook.github.GitHubWebhook;
import dev.meister.core.action.RunActions;
import dev.meister.core.alert.Acknowledgements;
import dev.meister.core.alert.Acknowledger;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertFactory;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.PaceBuckets;
import dev.meister.core.alert.Router;
import dev.meister.core.alert.RunEventSink;
import dev.meister.core.alert.StormDigests;
import dev.meister.core.alert.StormGuard;
import dev.meister.core.buildhint.BuildHints;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.ChatRoutes;
import dev.meister.core.chat.CommandRegistry;
import dev.meister.core.chat.MemberResolver;
import dev.meister.core.chat.RetryDelays;
import dev.meister.core.delivery.OutboxReplies;
import dev.meister.core.delivery.OutboxWorker;
import dev.meister.core.escalation.EscalationNotes;
import dev.meister.core.escalation.HandEscalations;
import dev.meister.core.filing.FilingNotes;
import dev.meister.core.filing.Recoveries;
import dev.meister.core.filing.RecoveryChecks;
import dev.meister.core.flaky.FlakyAlertNotes;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.intake.IntakeStores;
import dev.meister.core.intake.RunIntake;
import dev.meister.core.lease.LeaderElection;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.Lease;
import dev.meister.core.pipeline.PipelineNotes;
import dev.meister.core.retention.Retention;
import dev.meister.core.silence.SilenceNotes;
import dev.meister.core.silence.SilenceSummaries;
import dev.meister.core.silence.Silences;
import dev.meister.core.silence.SnoozeReturns;
import dev.meister.core.status.StatusPlan;
import dev.meister.core.status.StatusPosts;
import dev.meister.core.timing.DueWork;
import dev.meister.core.usergroup.GroupRule;
import dev.meister.core.usergroup.OnCallGroups;
import dev.meister.core.usergroup.UserGroups;
import dev.meister.storage.DatabaseTarget;
import dev.meister.storage.GroupCommit;
import dev.meister.storage.Storage;
import dev.meister.storage.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the running bot: builds the chats' adapters, the services and the workers
 * once, from a {@link Meister}, and {@link #start starts} them as one ordered list of named
 * components: storage and clients first, then the webhooks, delivery, issue filing, the scheduler
 * with the timed duties and the status posts, and last the chats, which connect in the background
 * so the webhooks never wait for them. {@link #close} stops them in reverse; undelivered messages
 * stay in the outbox for the next start.
 */
final class BotRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

  private final Meister meister;
  private final Chats chats;
  private final @Nullable GitHubClient github;
  private final GroupCommit intakeCommits;
  private final OutboxWorker worker;
  private final Subscription outboxWakeups;
  private final ChatDispatcher dispatcher;
  private final RunIntake intake;
  private final CommandRegistry commands;
  private final Filing filing;
  private final StatusPosts statusPosts;
  private final List<StatusPostConfig> statusConfigs;
  private final Clock clock;
  private final Duties duties;
  private final Actions actions;
  private final Lifecycle lifecycle = new Lifecycle();

  /** What only the leader runs: delivery, filing, actions, the timers, the chats' connections. */
  private final Lifecycle leaderParts = new Lifecycle();

  /** Present when several instances may share the database (PostgreSQL). */
  private final Optional<LeaderElection> election;

  private final Leadership leadership;
  private volatile Runnable whenDeposed = () -> {};
  private final List<AutoCloseable> owned = new ArrayList<>();
  private final Metrics metrics = new Metrics();
  private @Nullable WebhookServer webhooks;
  private final Optional<WebPage> web;
  private io.javalin.@Nullable Javalin ownWebServer;
  private boolean chatsReceiving;
  private boolean started;

  /** Over fixed chat ports (tests, the console), which need no connecting. */
  BotRuntime(Meister meister, List<ChatPort> ports, Clock clock) {
    this(meister, Chats.fixed(ports), clock, Sleeper.REAL);
  }

  /**
   * @param sleeper how the GitHub client waits between retries; tests record instead
   */
  BotRuntime(Meister meister, List<ChatPort> ports, Clock clock, Sleeper sleeper) {
    this(meister, Chats.fixed(ports), clock, sleeper);
  }

  BotRuntime(Meister meister, Chats chats, Clock clock, Sleeper sleeper) {
    this(meister, chats, clock, sleeper, null);
  }

  /**
   * @param runActions what performs runbook actions on Airflow and GitHub (tests give a fake); null
   *     for the bot's own clients ({@link RunActionClients}) over its Airflow and GitHub clients
   */
  BotRuntime(
      Meister meister,
      List<ChatPort> ports,
      Clock clock,
      Sleeper sleeper,
      @Nullable RunActions runActions) {
    this(meister, Chats.fixed(ports), clock, sleeper, runActions);
  }

  BotRuntime(
      Meister meister, Chats chats, Clock clock, Sleeper sleeper, @Nullable RunActions runActions) {
    MeisterConfig config = meister.config();
    Storage storage = meister.storage();
    this.meister = meister;
    this.chats = chats;
    this.clock = clock;
    for (ChatAdapter chat : chats.adapters()) {
      // What waited in the outbox while the chat was away goes out as soon as it is back.
      chat.link().whenUp(this::nudgeDelivery);
    }
    ChatPorts chatPorts = new ChatPorts(chats.ports());
    // Every client is built once here and closed at stop.
    this.github =
        config.github().token().isPresent()
            ? GitHubClient.create(
                config.github().apiUrl(), config.github().token().reveal(), clock, sleeper)
            : null;
    Router router = RoutingConfig.router(config);
    BuildHints buildHints = new BuildHints(config.buildHints());
    // The notes only read; the copy below also edits the alerts whose tests turn out flaky.
    FlakyTests flakyReader =
        new FlakyTests(
            storage.buildRuns(), storage.messageLinks(), storage.outbox(), Optional.empty());
    AlertMessages messages =
        new AlertMessages(
            config.team(),
            new FilingNotes(
                new EscalationNotes(
                        new PipelineNotes(config.duties().pipelines()).and(buildHints),
                        storage.escalations(),
                        meister.directory(),
                        config.team())
                    .and(Actions.notes(config, storage))
                    .and(new SilenceNotes(storage.silences()))
                    .and(new FlakyAlertNotes(flakyReader)),
                storage.issueLinks(),
                storage.resolutions(),
                config.team()),
            Filing.enabled(config.github(), github) ? storage.filedIssues().similarIssues() : null,
            Actions.buttons(config));
    AlertCopies copies =
        new AlertCopies(
            storage.alerts(),
            messages,
            meister.directory(),
            storage.messageLinks(),
            storage.outbox());
    FlakyTests flaky =
        new FlakyTests(
            storage.buildRuns(), storage.messageLinks(), storage.outbox(), Optional.of(copies));
    this.election = election(config, storage);
    this.leadership = election.<Leadership>map(e -> e).orElse(Leadership.ALONE);
    this.filing =
        new Filing(
            config.github(),
            config.team(),
            storage,
            meister.directory(),
            clock,
            github,
            buildHints,
            copies,
            flaky,
            leadership);
    this.actions =
        new Actions(
            config,
            storage,
            meister.directory(),
            messages,
            runActions != null
                ? runActions
                : RunActionClients.of(config, meister.airflow(), Optional.ofNullable(github)),
            clock,
            leadership);
    StormDigests storms =
        new StormDigests(
            new StormGuard(
                clock,
                StormGuard.CHAT_PER_MINUTE,
                StormGuard.CHAT_BURST,
                // Several instances take webhooks: the pace is theirs together, so it is shared.
                config.storage().shared() ? storage.paceBuckets() : PaceBuckets.inMemory()),
            storage.outbox(),
            storage.alerts(),
            messages,
            meister.directory(),
            storage.database(),
            clock,
            config.storage().shared());
    // Every delivery is recorded only while this instance still holds the lease (fencing).
    storage.outbox().fenceWith(leadership);
    // The worker's outbox counts each try's outcome for /metrics; everyone else queues directly.
    this.worker =
        new OutboxWorker(
            new MeteredOutbox(storage.outbox(), metrics.registry(), clock),
            chatPorts,
            clock,
            storms,
            leadership);
    registerMetrics(storage, chats);
    // Every message queued wakes the worker once its transaction has committed.
    this.outboxWakeups = storage.outbox().onQueued(worker::nudge);
    Silences silences = new Silences(RoutingConfig.maintenance(config), storage.silences());
    // Webhook intakes from many threads share one durable commit; see GroupCommit.
    this.intakeCommits = new GroupCommit(storage.database(), 256);
    this.intake =
        new RunIntake(
            router,
            RoutingConfig.priorities(config),
            new AlertFactory(RoutingConfig.testTypes(config)),
            messages,
            meister.directory(),
            new IntakeStores(
                storage.alerts(),
                storage.runs(),
                storage.greenNotices(),
                storage.messageLinks(),
                storage.outbox(),
                storage.issueRequests()),
            filing.enabled(),
            intakeCommits,
            storms::admit,
            clock,
            Optional.of(silences),
            Optional.of(
                new Recoveries(
                    storage.greenNotices(),
                    storage.alerts(),
                    storage.resolutions(),
                    storage.messageLinks(),
                    storage.outbox(),
                    copies)),
            Optional.of(flaky));
    Acknowledgements acks =
        new Acknowledgements(
            new Acknowledger(storage.alerts(), storage.messageLinks(), clock),
            messages,
            storage.messageLinks(),
            storage.outbox(),
            storage.database(),
            meister.directory());
    List<DueWork> more =
        new ArrayList<>(
            List.of(
                actions.expiry(),
                new SilenceSummaries(
                    silences, router, storage.alerts(), storage.outbox(), storage.database()),
                new RecoveryChecks(
                    airflowOf(meister),
                    storage.pipelineAlerts(),
                    storage.resolutions(),
                    storage.messageLinks(),
                    storage.outbox(),
                    copies,
                    storage.database(),
                    java.time.Duration.ofMinutes(10)),
                new SnoozeReturns(
                    storage.snoozes(),
                    storage.alerts(),
                    storage.resolutions(),
                    router,
                    meister.directory(),
                    config.team(),
                    storage.messageLinks(),
                    storage.outbox(),
                    storage.database())));
    // Prunes old delivered messages, recorded successes and status posts (storage.retention).
    more.add(new Retention(storage.retention(), config.storage().retention()));
    onCallGroups(meister, chats).ifPresent(more::add);
    this.duties = new Duties(meister, clock, router, github, more);
    ChatRoutes routes =
        ChatHandlers.routes(
            new ChatHandlers.Services(
                meister,
                acks,
                duties.handoffs(),
                duties.requests(),
                filing.desk(),
                duties.reviews(),
                Optional.ofNullable(github),
                new HandEscalations(
                    storage.alerts(),
                    storage.escalations(),
                    messages,
                    meister.directory(),
                    config.team(),
                    storage.messageLinks(),
                    storage.outbox(),
                    storage.database(),
                    clock),
                filing.enabled(),
                copies,
                actions,
                silences,
                clock));
    this.commands = routes.commands();
    this.web = WebPage.of(meister, clock);
    web.ifPresent(w -> commands.register(w.command()));
    // The adapters drop what the platforms mark as bots'; this also drops the bot's own identity,
    // whatever the platform marks (e.g. a Telegram channel post signed by the bot).
    this.dispatcher =
        new ChatDispatcher(
            routes,
            new MemberResolver(config.team()),
            chatPorts,
            new OutboxReplies(storage.outbox()),
            storage.database(),
            sender -> chats.adapters().stream().anyMatch(a -> a.isSelf(sender)));
    this.statusConfigs = config.statusPosts();
    List<StatusPlan> plans = statusConfigs.stream().map(p -> p.plan()).toList();
    this.statusPosts =
        new StatusPosts(
            plans,
            meister.statusReader(),
            storage.statusPosts(),
            storage.outbox(),
            storage.database(),
            clock);
  }

  /** The meters read at scrape time: the leader state, each chat's link, the outbox backlog. */
  private void registerMetrics(Storage storage, Chats chats) {
    metrics.leader(() -> leadership.current().isPresent());
    for (ChatAdapter chat : chats.adapters()) {
      metrics.chat(chat.name(), () -> chat.link().state());
    }
    metrics.beforeScrape(
        new OutboxBacklogGauges(metrics.registry(), storage.outbox()::backlog, clock));
  }

  /** This bot's meters, as {@code GET /metrics} serves them. */
  Metrics metrics() {
    return metrics;
  }

  /**
   * The Airflow instance an alert's task ran on, to ask it whether the task recovered: the one
   * whose UI or API address the alert links to, else the only one configured.
   */
  private static java.util.function.Function<
          dev.meister.core.alert.AirflowTask, Optional<dev.meister.core.status.DagRunSource>>
      airflowOf(Meister meister) {
    Map<String, ? extends dev.meister.core.status.DagRunSource> clients = meister.airflow();
    Map<String, dev.meister.bot.config.AirflowInstance> instances = meister.config().airflow();
    return task -> {
      Optional<String> url = task.airflowUrl().map(BotRuntime::trimmed);
      for (Map.Entry<String, dev.meister.bot.config.AirflowInstance> e : instances.entrySet()) {
        if (url.isPresent()
            && (url.get().equals(trimmed(e.getValue().uiUrl()))
                || url.get().equals(trimmed(e.getValue().url())))) {
          return Optional.ofNullable(clients.get(e.getKey()));
        }
      }
      return clients.size() == 1
          ? Optional.of(clients.values().iterator().next())
          : Optional.empty();
    };
  }

  /** The chats, or the exception building them threw (not wrapped, so it reads as before). */
  private static Chats joined(CompletableFuture<Chats> chats) {
    try {
      return chats.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static String trimmed(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The bot over the configured database, owning it: {@link #close} closes the database last. */
  static BotRuntime open(
      MeisterConfig config, java.nio.file.Path database, Chats chats, Clock clock) {
    return open(config, new DatabaseTarget.SqliteFile(database), chats, clock);
  }

  /** The bot over a SQLite file or a PostgreSQL database, owning it. */
  static BotRuntime open(MeisterConfig config, DatabaseTarget database, Chats chats, Clock clock) {
    return open(config, database, CompletableFuture.completedFuture(chats), clock);
  }

  /**
   * As above, with the chats still being built ({@code meister run} builds them on another thread):
   * their HTTP clients' TLS set-up and the database's migrations each take a few hundred
   * milliseconds of a cold start, and overlap on two cores.
   */
  static BotRuntime open(
      MeisterConfig config, DatabaseTarget database, CompletableFuture<Chats> chats, Clock clock) {
    Meister meister;
    try {
      meister = Meister.open(config, database, clock);
    } catch (RuntimeException e) {
      // Their clients hold threads and connection pools: closed once built (or never, if the
      // building failed too).
      var unused = chats.thenAccept(built -> built.adapters().forEach(ChatAdapter::close));
      throw e;
    }
    try {
      BotRuntime runtime = new BotRuntime(meister, joined(chats), clock, Sleeper.REAL);
      runtime.owned.add(meister);
      return runtime;
    } catch (RuntimeException e) {
      meister.close();
      throw e;
    }
  }

  /**
   * The leader election when the database may be shared (PostgreSQL): the lease is this instance's
   * while it runs the leader's parts; losing it stops them and tells {@link #whenDeposed}.
   */
  private Optional<LeaderElection> election(MeisterConfig config, Storage storage) {
    if (!config.storage().shared()) {
      return Optional.empty();
    }
    String holder =
        config.storage().instanceId().orElseGet(() -> hostName() + ":" + config.server().port());
    return Optional.of(
        new LeaderElection(
            storage.leases(),
            holder,
            config.storage().lease(),
            new LeaderElection.Listener() {
              @Override
              public void elected(Lease lease) {
                leaderParts.start();
              }

              @Override
              public void deposed(String why) {
                leaderParts.close();
                whenDeposed.run();
              }
            }));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "meister";
    }
  }

  /**
   * What to do once this instance has lost the lead and stopped the leader's parts: {@code run}
   * exits, for its supervisor to start it again as a follower with fresh connections.
   */
  void whenDeposed(Runnable action) {
    this.whenDeposed = action;
  }

  /** Whether this instance may act as the leader now. */
  Leadership leadership() {
    return leadership;
  }

  /** This instance's part, as {@code /health} says it. */
  ClusterRole role() {
    LeaderElection e = election.orElse(null);
    if (e == null) {
      return ClusterRole.alone();
    }
    Optional<String> leader;
    try {
      leader = e.leader();
    } catch (RuntimeException unreachable) {
      // The database check says why; the role is this instance's own view.
      leader = Optional.empty();
    }
    return new ClusterRole(
        e.current().isPresent() ? ClusterRole.LEADER : ClusterRole.FOLLOWER,
        Optional.of(e.holder()),
        leader);
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

  RunIntake intake() {
    return intake;
  }

  OutboxWorker worker() {
    return worker;
  }

  /** Where webhooks deliver: the intake. */
  RunEventSink sink() {
    return intake;
  }

  Filing filing() {
    return filing;
  }

  Duties duties() {
    return duties;
  }

  /** Runbook actions: their desk, worker, expiry and audit trail. */
  Actions actions() {
    return actions;
  }

  Meister meister() {
    return meister;
  }

  Chats chats() {
    return chats;
  }

  private void nudgeDelivery() {
    worker.nudge();
  }

  /**
   * Starts the parts {@code start} asks for, in this order, and returns once the webhooks are
   * served; the chats connect in the background (see {@link Connector}). Stopped in reverse by
   * {@link #close}. Call once.
   */
  synchronized void start(Start start) {
    if (started) {
      throw new IllegalStateException("the bot is started already");
    }
    started = true;
    Storage storage = meister.storage();
    addClients();
    List<WebhookEndpoint> chatEndpoints = new ArrayList<>(start.endpoints());
    if (!chatsReceiving) {
      for (ChatAdapter chat : chats.adapters()) {
        chatEndpoints.addAll(chat.receive(dispatcher, commands));
      }
      chatsReceiving = true;
    }
    // First, so a webhook is answered whatever the chats' state; what it queues waits in the
    // outbox for the worker below.
    start
        .webhooks()
        .ifPresent(
            server ->
                lifecycle.add(
                    "webhooks",
                    () -> webhooks = startWebhooks(server, storage, chatEndpoints),
                    () -> Objects.requireNonNull(webhooks).close()));
    web.filter(w -> w.ownPort(start.webhooks()))
        .ifPresent(
            w ->
                lifecycle.add(
                    "web page",
                    () -> ownWebServer = w.serveAlone(start.webhooks()),
                    () -> Objects.requireNonNull(ownWebServer).stop()));
    start
        .delivery()
        .ifPresent(
            poll -> {
              leaderParts.add("outbox delivery", () -> worker.start(poll), worker::close);
              leaderParts.add("issue filing", () -> filing.start(poll, leadership), filing::close);
              leaderParts.add(
                  "runbook actions", () -> actions.start(poll, leadership), actions::close);
            });
    if (start.timers().isPresent() || start.statusPosts().isPresent()) {
      Jobs[] jobs = new Jobs[1];
      leaderParts.add(
          "scheduler",
          () -> {
            jobs[0] = Jobs.start(2, clock);
            jobs[0].observe(new SchedulerLag(metrics.registry()));
          },
          () -> jobs[0].close());
      start
          .timers()
          .ifPresent(
              sweep ->
                  leaderParts.add(
                      "timed duties", () -> duties.timekeeper().start(jobs[0], sweep), () -> {}));
      boolean reviews = !meister.config().duties().issueReviews().schedules().isEmpty();
      start
          .timers()
          .filter(sweep -> reviews)
          .ifPresent(
              sweep ->
                  leaderParts.add(
                      "issue reviews",
                      () ->
                          ReviewSchedule.schedule(
                              jobs[0],
                              meister.config().duties().issueReviews().schedules(),
                              duties.reviewPosts()::post),
                      () -> {}));
      start
          .statusPosts()
          .ifPresent(
              tick ->
                  leaderParts.add(
                      "status posts",
                      () ->
                          StatusSchedule.schedule(jobs[0], statusPosts, statusConfigs, tick, clock),
                      () -> {}));
    }
    for (ChatAdapter chat : chats.adapters()) {
      Connector connector = new Connector(chat.link(), chat::connect, RetryDelays.CHAT);
      leaderParts.add(
          chat.name(),
          connector::start,
          () -> {
            connector.close();
            chat.stopReceiving();
          });
    }
    LeaderElection e = election.orElse(null);
    if (e == null) {
      lifecycle.add("leader duties", leaderParts::start, leaderParts::close);
    } else {
      // The first try is made here: the only instance, or the first up, leads before start returns.
      lifecycle.add(
          "leader election",
          e::start,
          () -> {
            // Stopped before the lease is released, so nothing is sent after another takes over.
            leaderParts.close();
            e.close();
          });
    }
    lifecycle.start();
  }

  /** What is open from the start and only needs closing, last: storage, then the clients. */
  private void addClients() {
    lifecycle.add(
        Lifecycle.closing(
            "database",
            () -> {
              for (AutoCloseable c : owned) {
                c.close();
              }
            }));
    lifecycle.add(Lifecycle.closing("metrics", metrics));
    lifecycle.add(Lifecycle.closing("intake commits", intakeCommits));
    lifecycle.add(Lifecycle.closing("outbox wake-ups", outboxWakeups));
    GitHubClient gh = github;
    if (gh != null) {
      lifecycle.add(Lifecycle.closing("github client", gh));
    }
    for (ChatAdapter chat : chats.adapters()) {
      // Closed after delivery has stopped, so no message is cut off halfway.
      lifecycle.add(Lifecycle.closing(chat.name() + " client", chat));
    }
  }

  /** The webhook server, once started. */
  /** The web page, when {@code web:} enables it. */
  Optional<WebPage> web() {
    return web;
  }

  /** The web page's own server, when it does not share the webhooks'. */
  Optional<io.javalin.Javalin> ownWebServer() {
    return Optional.ofNullable(ownWebServer);
  }

  Optional<WebhookServer> webhooks() {
    return Optional.ofNullable(webhooks);
  }

  /**
   * Serves the webhook endpoints whose secrets are configured, the chat adapters' own endpoints
   * (Slack's HTTP mode, Telegram's webhook mode), and /health with a check per chat.
   */
  /** Each configured Airflow instance's UI, for the DAG run links of callbacks naming it. */
  private static Map<String, AirflowUi> airflowUis(MeisterConfig config) {
    Map<String, AirflowUi> uis = new LinkedHashMap<>();
    config
        .airflow()
        .forEach(
            (name, instance) ->
                uis.put(
                    name,
                    new AirflowUi(
                        instance.uiUrl(), String.valueOf(instance.api().airflowVersion()))));
    return uis;
  }

  private WebhookServer startWebhooks(
      ServerConfig server, Storage storage, List<WebhookEndpoint> chatEndpoints) {
    List<WebhookEndpoint> endpoints = new ArrayList<>(chatEndpoints);
    if (server.githubSecret().isPresent()) {
      endpoints.add(
          new GitHubWebhook(
              server.githubSecret().reveal().getBytes(StandardCharsets.UTF_8),
              server.githubWorkflowJobs()));
    } else {
      log.warn("server.github_secret is not set: POST /hooks/github is not served");
    }
    if (server.airflowToken().isPresent()) {
      endpoints.add(
          new AirflowWebhook(server.airflowToken().reveal(), clock, airflowUis(meister.config())));
    } else {
      log.warn("server.airflow_token is not set: POST /hooks/airflow is not served");
    }
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    checks.put(
        "database",
        () ->
            storage.database().isReachable()
                ? HealthStatus.healthy()
                : HealthStatus.unhealthy("database not reachable"));
    for (ChatAdapter chat : chats.adapters()) {
      HealthCheck check = chat.health();
      // A follower does not connect the chats (the leader does), so their state is not its own.
      checks.put(
          chat.name(),
          () ->
              leadership.current().isPresent()
                  ? check.check()
                  : new HealthStatus(true, "standby: the leader connects " + chat.name()));
    }
    WebhookServer created =
        new WebhookServer(endpoints, intake, checks)
            .role(this::role)
            .observedBy(new WebhookMetrics(metrics.registry()));
    if (server.metricsToken().isPresent()) {
      metrics.bindJvm();
      created.mount(new MetricsRoute(metrics, server.metricsToken().reveal())::mount);
    } else {
      log.info("server.metrics_token is not set: GET /metrics is not served");
    }
    web.filter(w -> w.sharesServer(server)).ifPresent(w -> created.mount(w::mount));
    WebhookServer started = created.start(server.bind(), server.port());
    log.info("webhooks on http://{}:{}", server.bind(), started.port());
    web.filter(w -> w.sharesServer(server))
        .ifPresent(w -> log.info("web page on http://{}:{}/web", server.bind(), started.port()));
    return started;
  }

  /** The Slack user groups that follow the on-call, when the configuration names any. */
  private static Optional<DueWork> onCallGroups(Meister meister, Chats chats) {
    List<GroupRule> rules = meister.config().duties().userGroups();
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    Optional<UserGroups> groups =
        chats.adapters().stream().flatMap(a -> a.userGroups().stream()).findFirst();
    if (groups.isEmpty()) {
      log.warn("slack_group is set but Slack is not connected: the user groups stay as they are");
      return Optional.empty();
    }
    Storage storage = meister.storage();
    return Optional.of(
        new OnCallGroups(
            rules,
            meister.directory(),
            meister.config().team(),
            storage.userGroups(),
            groups.get(),
            Duties.rotationChats(meister.config()),
            storage.outbox(),
            storage.database()));
  }

  /** Stops everything started, in reverse order, one INFO line each. */
  @Override
  public synchronized void close() {
    if (!started) {
      // Built but never started (a one-shot test): what was opened still needs closing.
      started = true;
      addClients();
      lifecycle.add("issue filing", () -> {}, filing::close);
      lifecycle.add("runbook actions", () -> {}, actions::close);
      lifecycle.start();
    }
    lifecycle.close();
  }
}
