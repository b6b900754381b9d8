package dev.meister.bot.app;

import dev.meister.bot.config.LogFormat;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meister run}: the long-running bot. Opens the database, serves webhooks at once, resumes
 * delivery of anything left in the outbox, connects the configured chats in the background, and
 * runs until it is stopped (SIGTERM or Ctrl-C), when it stops everything in reverse order.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the bot: webhook intake, chat adapters, delivery.")
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  private final Map<String, String> env;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * The exit status after losing the lead ({@code EX_TEMPFAIL}): the instance stops rather than
   * reconnecting its chats in place, and its supervisor ({@code Restart=on-failure}, compose's
   * {@code restart: unless-stopped}) starts it again as a follower.
   */
  static final int DEPOSED = 75;

  private volatile int exitCode;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  RunCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.REQUIRED);
    if (cfg.logFormat() == LogFormat.JSON) {
      // Before the first line of the run; the text default is LogConfigurator's.
      Logging.format(LogFormat.JSON);
    }
    Clock clock = Clock.systemUTC();
    // The chat clients are built beside the database's opening (see BotRuntime.open).
    CompletableFuture<Chats> building = new CompletableFuture<>();
    Thread build =
        new Thread(
            () -> {
              try {
                building.complete(Chats.configured(cfg, clock));
              } catch (Throwable t) {
                building.completeExceptionally(t);
              }
            },
            "build-chats");
    build.setDaemon(true);
    build.start();
    BotRuntime runtime = BotRuntime.open(cfg, cfg.storage().target(), building, clock);
    Thread hook = new Thread(this::stop, "meister-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    runtime.whenDeposed(
        () -> {
          log.error("this instance lost the lead; stopping, to be started again as a follower");
          exitCode = DEPOSED;
          stopRequested.countDown();
        });
    try {
      runtime.start(Start.everything(cfg.server()));
      Chats chats = runtime.chats();
      log.info(
          "meister is running with {} rotations; chats: {}",
          cfg.rotations().size(),
          chats.adapters().isEmpty()
              ? "none configured (messages wait in the outbox)"
              : chats.adapters().stream().map(ChatAdapter::name).collect(Collectors.joining(", "))
                  + " (connecting in the background)");
      stopRequested.await();
      log.info("stopping");
    } finally {
      runtime.close();
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is what stopped us; it waits for the countdown above.
      }
    }
    return exitCode;
  }

  /** Asks {@link #call} to stop and waits until it has (the JVM exits when hooks return). */
  void stop() {
    stopRequested.countDown();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
