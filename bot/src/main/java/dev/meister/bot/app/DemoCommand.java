package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.Secret;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.config.WebConfig;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.ConsoleSession;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.Member;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meister demo}: the bot on the example configuration with a console chat. Needs no tokens
 * and no network; its database is a temporary file, so the demo leaves nothing behind.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Talk to the bot in this terminal, on the example configuration.")
final class DemoCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "default: examples/meister.yml")
  @Nullable Path config;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "where the demo serves webhooks on 127.0.0.1 (default ${DEFAULT-VALUE});"
              + " 0 turns them off")
  int port;

  @Option(
      names = "--as",
      paramLabel = "MEMBER",
      description = "who you are in the chat (a member id); default: the first team lead")
  @Nullable String as;

  DemoCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    Logging.quiet();
    Path file = config != null ? config : ExampleConfig.locate();
    MeisterConfig loaded = ConfigFile.load(spec.commandLine(), env, file, SecretPolicy.OPTIONAL);
    boolean serve = port != 0 && portFree(port);
    // The web page is served beside the webhooks, at their address, whatever the file says.
    MeisterConfig cfg = serve ? loaded.withWeb(demoWeb(loaded.web(), port)) : loaded;
    Member me = demoUser(cfg);
    Path dir = Files.createTempDirectory("meister-demo");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Clock clock = Clock.systemUTC();
    AtomicLong ids = new AtomicLong();
    // Files that come with messages (a shift reminder's invitation) are saved beside the database,
    // for as long as the demo runs.
    ConsoleChatPort console = new ConsoleChatPort(out, cfg.team(), ids, dir.resolve("files"));
    // Every configured chat prints here, so alerts for Telegram or Slack show in the console.
    List<ChatPort> ports =
        List.of(
            console,
            console.standingInFor(Platform.TELEGRAM),
            console.standingInFor(Platform.SLACK),
            console.standingInFor(Platform.DISCORD));
    try (BotRuntime runtime =
        BotRuntime.open(cfg, dir.resolve("meister.db"), Chats.fixed(ports), clock)) {
      out.printf(
          "Meister demo: console chat on %s (%d members, %d rotations).%n",
          file, cfg.team().members().size(), cfg.rotations().size());
      // The same parts as run, status posts included; the outbox polls faster for a snappy demo.
      Start start =
          Start.none()
              .withDelivery(Duration.ofMillis(200))
              .withTimers(Duration.ofMinutes(1))
              .withStatusPosts(Duration.ofSeconds(15));
      if (serve) {
        start =
            start.withWebhooks(
                new ServerConfig(
                    "127.0.0.1", port, Secret.of(DEMO_SECRET), Secret.of(DEMO_SECRET), false));
      } else if (port != 0) {
        out.printf("(webhooks not served: port %d is taken; try --port)%n", port);
      }
      runtime.start(start);
      runtime.webhooks().ifPresent(w -> printCurl(out, w.port()));
      runtime
          .web()
          .ifPresent(
              w ->
                  out.printf(
                      "Web page: open %s to sign in as %s (the link works once, for 10 minutes;"
                          + " /web sends a new one).%n",
                      w.link(me.id()), me.displayName()));
      out.printf(
          "You are %s. Try /whoisoncall, /whoisoncall %s, /schedule %s, /help;"
              + " /quit leaves.%n",
          me.displayName(), lastRotation(cfg), firstRotation(cfg));
      // A person reads the console line by line: what a line queued (the command's reply) is
      // delivered before the next prompt, not at the worker's next poll.
      new ConsoleSession(
              event -> {
                runtime.dispatcher().handle(event);
                runtime.worker().deliverDue();
              },
              me,
              ids,
              out,
              Terminal.isInteractive())
          .resolvingMessagesWith(console)
          .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      out.println();
      return 0;
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The page on the demo's own port: no proxy header, the file's session length. */
  private static WebConfig demoWeb(WebConfig configured, int port) {
    return new WebConfig(
        true,
        Optional.of(URI.create("http://127.0.0.1:" + port)),
        configured.session(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty());
  }

  /** Says how to send a failure to the demo's webhooks. */
  private static void printCurl(PrintStream out, int port) {
    out.printf(
        "Webhooks on http://127.0.0.1:%d (secret and token: %s). Send an Airflow failure:%n"
            + "  curl -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '%s'"
            + " http://127.0.0.1:%d/hooks/airflow%n",
        port, DEMO_SECRET, DEMO_SECRET, SAMPLE, port);
  }

  /** Whether the port can be bound, so a taken port is a note and not the demo's end. */
  private static boolean portFree(int port) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static final String DEMO_SECRET = "demo";
  private static final String SAMPLE =
      "{\"dag_id\":\"bid_ask_1m\",\"run_id\":\"scheduled__"
          + "2026-11-23T03:00:00+00:00\",\"task_id\":\"fetch_quotes\",\"try_number\":1,"
          + "\"logical_date\":\"2026-11-23T03:00:00+00:00\",\"region\":\"tokyo\","
          + "\"exception\":\"KeyError: 'ask'\"}";

  private Member demoUser(MeisterConfig cfg) {
    if (as != null) {
      String wanted = as;
      return cfg.team()
          .findByHandle(wanted)
          .orElseThrow(
              () ->
                  new picocli.CommandLine.ParameterException(
                      spec.commandLine(), "--as: no team member '" + wanted + "'"));
    }
    List<Member> leads = cfg.team().teamLeads();
    return leads.isEmpty() ? cfg.team().members().get(0) : leads.get(0);
  }

  private static String firstRotation(MeisterConfig cfg) {
    return cfg.rotations().isEmpty() ? "ROTATION" : cfg.rotations().get(0).id().value();
  }

  private static String lastRotation(MeisterConfig cfg) {
    return cfg.rotations().isEmpty()
        ? "ROTATION"
        : cfg.rotations().get(cfg.rotations().size() - 1).id().value();
  }
}
