package dev.meister.bot.app;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.RetryDelays;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Connects one chat in the background: tries, and after each failure waits a little longer (capped)
 * before the next try, until the chat answers or the bot stops. Start-up never waits for it, so the
 * webhooks are served whatever the chats' state; the {@link ChatLink} logs the outage once and
 * tells {@code /health} and the outbox.
 */
final class Connector implements AutoCloseable {
  /** One try at connecting; throws when the chat cannot be reached or refuses us. */
  @FunctionalInterface
  interface Attempt {
    void connect();
  }

  /** Waits between tries; true when the bot stops meanwhile. */
  @FunctionalInterface
  interface Pause {
    boolean stopDuring(Duration wait);
  }

  private final ChatLink link;
  private final Attempt attempt;
  private final RetryDelays delays;
  private final CountDownLatch stop = new CountDownLatch(1);
  private @Nullable Thread thread;

  Connector(ChatLink link, Attempt attempt, RetryDelays delays) {
    this.link = link;
    this.attempt = attempt;
    this.delays = delays;
  }

  /** Starts trying on a thread of its own and returns at once. */
  synchronized void start() {
    if (thread != null) {
      return;
    }
    Thread t = new Thread(() -> connect(this::waitOrStop), "connect-" + link.name());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * Tries until connected or stopped, pausing with {@code pause} between tries.
   *
   * @return true when connected
   */
  boolean connect(Pause pause) {
    while (stop.getCount() > 0) {
      try {
        attempt.connect();
        link.up();
        return true;
      } catch (RuntimeException e) {
        if (stop.getCount() == 0) {
          return false;
        }
        int failures = link.down(reason(e));
        if (pause.stopDuring(delays.after(failures))) {
          return false;
        }
      }
    }
    return false;
  }

  /** What the log and {@code /health} say; adapters' own exceptions are already redacted. */
  private static String reason(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return e instanceof ChatDeliveryException
        ? message
        : e.getClass().getSimpleName() + ": " + message;
  }

  private boolean waitOrStop(Duration wait) {
    try {
      return stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Stops trying; a try in flight is left to finish (or fail) on its own thread. */
  @Override
  public void close() {
    stop.countDown();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
