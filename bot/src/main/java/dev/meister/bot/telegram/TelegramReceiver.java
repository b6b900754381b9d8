package dev.meister.bot.telegram;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.RetryDelays;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long-polls Telegram for updates and hands the events of configured chats to a {@link
 * ChatEventHandler}, one at a time and in order. A failing update is logged with a reference and
 * skipped; polling goes on. When Telegram cannot be reached the poll is retried with capped backoff
 * and the {@link ChatLink} says so (one log line per change, not one per retry).
 *
 * <p>The poll loop is our own rather than telegrambots' long-polling application: that one logs an
 * ERROR with a stack trace for every failed poll and another when it is stopped.
 */
public final class TelegramReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramReceiver.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(50);
  private static final List<String> WANTED = List.of("message", "callback_query");

  private final TelegramApi api;
  private final Set<String> chatIds;
  private final ChatEventHandler handler;
  private final ChatLink link;
  private final RetryDelays delays;
  private final TelegramCommands menu;
  private final Object lock = new Object();
  private @Nullable Running running;

  /**
   * @param chatIds the chats the bot serves, e.g. {@code -1001234567890}; others are ignored
   */
  public TelegramReceiver(TelegramApi api, Set<String> chatIds, ChatEventHandler handler) {
    this(api, chatIds, handler, List.of(), new ChatLink("telegram"), RetryDelays.CHAT);
  }

  /**
   * @param commands what the bot answers: the command menu published at {@link #start}
   * @param link told whether each poll reached Telegram
   * @param delays how long to wait after failed polls in a row
   */
  public TelegramReceiver(
      TelegramApi api,
      Set<String> chatIds,
      ChatEventHandler handler,
      List<CommandHandler> commands,
      ChatLink link,
      RetryDelays delays) {
    this.api = api;
    this.menu = new TelegramCommands(api, commands);
    this.chatIds = Set.copyOf(chatIds);
    this.handler = handler;
    this.link = link;
    this.delays = delays;
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
      User me = api.getMe();
      TelegramUpdateTranslator translator =
          new TelegramUpdateTranslator(me.getId(), String.valueOf(me.getUserName()));
      registerCommands();
      running = startPolling(translator);
      LOG.info("Telegram: polling as @{} for {} chat(s)", me.getUserName(), chatIds.size());
    }
  }

  private void registerCommands() {
    try {
      menu.register();
    } catch (ChatDeliveryException e) {
      // The menu is a convenience; typed commands work without it.
      LOG.warn("Telegram: could not publish the command menu: {}", e.getMessage());
    }
  }

  private Running startPolling(TelegramUpdateTranslator translator) {
    OkHttpClient http = api.pollingHttpClient(POLL_TIMEOUT);
    Running r = new Running(http, new OkHttpTelegramClient(http, api.token(), api.url()));
    Thread thread = new Thread(() -> poll(r, translator), "telegram-polling");
    thread.setDaemon(true);
    r.thread = thread;
    thread.start();
    return r;
  }

  private void poll(Running r, TelegramUpdateTranslator translator) {
    int lastSeen = 0;
    while (!r.stopping()) {
      List<TelegramUpdate> updates;
      try {
        updates = r.client.execute(nextUpdates(lastSeen));
      } catch (TelegramApiException e) {
        if (r.stopping()) {
          return; // close() cancelled the poll in flight
        }
        int failures = link.down(String.valueOf(api.failure("getUpdates", e).getMessage()));
        if (r.await(delays.after(failures))) {
          return;
        }
        continue;
      } catch (RuntimeException e) {
        if (r.stopping()) {
          return;
        }
        int failures = link.down("getUpdates failed: " + e.getClass().getSimpleName());
        if (r.await(delays.after(failures))) {
          return;
        }
        continue;
      }
      link.up();
      for (TelegramUpdate u : updates) {
        lastSeen = Math.max(lastSeen, u.updateId());
        new TelegramDispatch(api, chatIds, handler, translator).dispatch(u);
      }
    }
  }

  /** Confirms everything up to {@code lastSeen} and waits for what comes next. */
  private static GetPickedUpdates nextUpdates(int lastSeen) {
    return new GetPickedUpdates(lastSeen + 1, 100, (int) POLL_TIMEOUT.toSeconds(), WANTED);
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

  private static final class Running {
    private final OkHttpClient http;
    private final TelegramClient client;
    private final CountDownLatch stop = new CountDownLatch(1);
    private @Nullable Thread thread;

    Running(OkHttpClient http, TelegramClient client) {
      this.http = http;
      this.client = client;
    }

    boolean stopping() {
      return stop.getCount() == 0;
    }

    /** Waits {@code delay}; true when stopped meanwhile. */
    boolean await(Duration delay) {
      try {
        return stop.await(delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }

    void stop() {
      stop.countDown();
      // A long poll in flight would otherwise hold the thread for up to 50 s.
      http.dispatcher().cancelAll();
      Thread t = thread;
      if (t != null) {
        try {
          t.join(TimeUnit.SECONDS.toMillis(5));
          if (t.isAlive()) {
            LOG.warn("Telegram: polling thread did not stop within 5 s");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      http.dispatcher().executorService().shutdown();
    }
  }
}
