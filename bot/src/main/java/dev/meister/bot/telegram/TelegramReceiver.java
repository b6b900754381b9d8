package dev.meister.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long-polls Telegram for updates and hands the events of configured chats to a {@link
 * ChatEventHandler}, one at a time and in order. A failing update is logged with a reference and
 * skipped; polling goes on.
 */
public final class TelegramReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramReceiver.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(50);
  private static final List<String> WANTED = List.of("message", "callback_query");

  private final TelegramApi api;
  private final Set<String> chatIds;
  private final ChatEventHandler handler;
  private final Object lock = new Object();
  private @Nullable Running running;

  /** @param chatIds the chats the bot serves, e.g. {@code -1001234567890}; others are ignored */
  public TelegramReceiver(TelegramApi api, Set<String> chatIds, ChatEventHandler handler) {
    this.api = api;
    this.chatIds = Set.copyOf(chatIds);
    this.handler = handler;
  }

  /**
   * Asks Telegram who the bot is, publishes the command menu and starts polling.
   *
   * @throws ChatDeliveryException if Telegram cannot be reached or rejects the token
   */
  public void start() {
    synchronized (lock) {
      if (running != null) {
        throw new IllegalStateException("Telegram receiver is already running");
      }
      User me = api.execute("getMe", new GetMe());
      TelegramUpdateTranslator translator =
          new TelegramUpdateTranslator(me.getId(), String.valueOf(me.getUserName()));
      registerCommands();
      running = startPolling(translator);
      LOG.info("Telegram: polling as @{} for {} chat(s)", me.getUserName(), chatIds.size());
    }
  }

  private void registerCommands() {
    try {
      new TelegramCommands(api).register();
    } catch (ChatDeliveryException e) {
      // The menu is a convenience; typed commands work without it.
      LOG.warn("Telegram: could not publish the command menu: {}", e.getMessage());
    }
  }

  private Running startPolling(TelegramUpdateTranslator translator) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "telegram-polling");
      t.setDaemon(true);
      return t;
    });
    OkHttpClient http = api.pollingHttpClient(POLL_TIMEOUT);
    TelegramBotsLongPollingApplication app =
        new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor);
    try {
      app.registerBot(api.token(), api::url, TelegramReceiver::nextUpdates,
          updates -> updates.forEach(u -> dispatch(translator, u)));
    } catch (TelegramApiException e) {
      executor.shutdownNow();
      throw api.failure("long polling", e);
    }
    return new Running(app, executor, http);
  }

  /** Confirms everything up to {@code lastSeen} and waits for what comes next. */
  private static GetUpdates nextUpdates(Integer lastSeen) {
    return GetUpdates.builder()
        .offset(lastSeen + 1)
        .limit(100)
        .timeout((int) POLL_TIMEOUT.toSeconds())
        .allowedUpdates(WANTED)
        .build();
  }

  void dispatch(TelegramUpdateTranslator translator, Update update) {
    new TelegramDispatch(api, chatIds, handler, translator).dispatch(update);
  }

  /** Stops polling, cancelling the long poll in flight. Safe to call more than once. */
  @Override
  public void close() {
    Running r;
    synchronized (lock) {
      r = running;
      running = null;
    }
    if (r != null) {
      r.stop();
    }
  }

  private record Running(TelegramBotsLongPollingApplication app, ScheduledExecutorService executor,
      OkHttpClient http) {
    void stop() {
      try {
        app.close();
      } catch (Exception e) {
        LOG.warn("Telegram: stopping long polling: {}", e.toString());
      }
      // The library neither cancels the blocked getUpdates call nor shuts its executor down.
      http.dispatcher().cancelAll();
      executor.shutdownNow();
      try {
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.warn("Telegram: polling thread did not stop within 5 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
