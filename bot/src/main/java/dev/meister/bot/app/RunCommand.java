package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.config.TelegramConfig;
import dev.meister.bot.config.TelegramMode;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramReceiver;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.bot.telegram.TelegramWebhook;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.HealthCheck;
import dev.meister.bot.webhook.HealthStatus;
import dev.meister.core.chat.ChatPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meister run}: the long-running bot. Opens the database, resumes delivery of anything left
 * in the outbox, connects the configured chats, and serves webhooks until it is stopped (SIGTERM or
 * Ctrl-C), when it closes everything in order.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the bot: webhook intake, chat adapters, delivery.")
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  private final Map<String, String> env;
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Spec CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE")
  Path config;

  RunCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.REQUIRED);
    Clock clock = Clock.systemUTC();
    TelegramConfig telegram = cfg.chats().telegramConfig()
        .filter(t -> t.enabled() && t.token().isPresent()).orElse(null);
    Meister meister = Meister.open(cfg, cfg.storage().database(), clock);
    List<ChatPort> ports = new ArrayList<>();
    List<AutoCloseable> clients = new ArrayList<>();
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    TelegramApi api = null;
    if (telegram != null) {
      api = telegramApi(telegram);
      clients.add(api);
      ports.add(new TelegramChatPort(api, new TelegramRenderer(cfg.team())));
    }
    SlackChat slack = SlackChat.configured(cfg).orElse(null);
    if (slack != null) {
      clients.add(slack);
      ports.add(slack.port());
    }
    DiscordChat discord = DiscordChat.configured(cfg).orElse(null);
    if (discord != null) {
      clients.add(discord);
      ports.add(discord.port());
    }
    BotRuntime runtime = new BotRuntime(meister, ports, clock);
    List<WebhookEndpoint> chatEndpoints = new ArrayList<>();
    if (slack != null) {
      slack.connect(runtime, clock, chatEndpoints, checks);
    }
    if (discord != null) {
      discord.connect(runtime, checks);
    }
    if (api != null && telegram != null) {
      Set<String> chatIds = telegram.chats().values().stream()
          .map(t -> t.ref().chatId()).collect(Collectors.toSet());
      if (telegram.mode() == TelegramMode.WEBHOOK) {
        // The loader requires webhook_url and webhook_secret in this mode.
        chatEndpoints.add(TelegramWebhook.connect(api, telegram.publicWebhookUrl().orElseThrow(),
            telegram.webhookSecret().reveal(), chatIds, runtime.dispatcher()));
      } else {
        TelegramReceiver receiver = new TelegramReceiver(api, chatIds, runtime.dispatcher());
        receiver.start();
        runtime.own(receiver);
      }
      TelegramApi connected = api;
      checks.put("telegram", () -> connected.lastFailure()
          .map(HealthStatus::unhealthy).orElseGet(HealthStatus::healthy));
    }
    runtime.startDelivery(Duration.ofSeconds(1));
    runtime.startTimers(Duration.ofMinutes(1));
    runtime.startStatusPosts(Duration.ofSeconds(15));
    runtime.startWebhooks(cfg.server(), meister.storage(), clock, checks, chatEndpoints);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping");
      runtime.close();
      for (AutoCloseable c : clients) {
        try {
          c.close();
        } catch (Exception e) {
          log.warn("closing {} failed", c, e);
        }
      }
      meister.close();
      stopped.countDown();
    }, "meister-shutdown"));
    log.info("meister is running with {} rotations; chats: {}", cfg.rotations().size(),
        ports.isEmpty() ? "none connected (messages wait in the outbox)" : ports.stream()
            .map(p -> p.platform().name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", ")));
    stopped.await();
    return 0;
  }

  private static TelegramApi telegramApi(TelegramConfig telegram) {
    String token = telegram.token().reveal();
    return telegram.apiUrlOverride().map(url -> {
      URI uri = URI.create(url);
      return new TelegramApi(token, TelegramUrl.builder().schema(uri.getScheme())
          .host(uri.getHost()).port(uri.getPort() > 0 ? uri.getPort()
              : ("https".equals(uri.getScheme()) ? 443 : 80)).build());
    }).orElseGet(() -> TelegramApi.official(token));
  }
}
