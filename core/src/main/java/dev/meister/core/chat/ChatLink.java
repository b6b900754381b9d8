package dev.meister.core.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one chat platform can be reached right now, as its adapter last found out. The adapter
 * reports every attempt; the link logs only when the state changes (one WARN when the chat becomes
 * unreachable, one INFO when it is back), so an outage of an hour is two log lines, not a stack
 * trace per retry. The outbox waits for a link that is not up instead of spending attempts on it.
 */
public final class ChatLink {
  private static final Logger log = LoggerFactory.getLogger(ChatLink.class);

  /** Where the link stands. */
  public enum State {
    CONNECTING,
    UP,
    DOWN
  }

  private final String name;
  private final List<Runnable> onUp = new CopyOnWriteArrayList<>();
  private State state = State.CONNECTING;
  private String reason = "connecting";
  private int failures;

  /**
   * @param name the chat as the log and {@code /health} show it, e.g. {@code telegram}
   */
  public ChatLink(String name) {
    this.name = name;
  }

  /** A link that is up from the start, for chats that need no connection (the console). */
  public static ChatLink alwaysUp(String name) {
    ChatLink link = new ChatLink(name);
    link.state = State.UP;
    link.reason = "";
    return link;
  }

  public String name() {
    return name;
  }

  /** Runs {@code listener} each time the link comes up, e.g. to deliver what waited meanwhile. */
  public void whenUp(Runnable listener) {
    onUp.add(listener);
  }

  /** The chat answered. */
  public void up() {
    State before;
    synchronized (this) {
      before = state;
      state = State.UP;
      reason = "";
      failures = 0;
    }
    if (before == State.UP) {
      return;
    }
    if (before == State.DOWN) {
      log.info("{}: reachable again", name);
    } else {
      log.info("{}: connected", name);
    }
    onUp.forEach(Runnable::run);
  }

  /**
   * The chat could not be reached (or refused us) for {@code why}, which must not contain secrets.
   *
   * @return how many attempts in a row have failed, for the backoff
   */
  public int down(String why) {
    State before;
    int count;
    synchronized (this) {
      before = state;
      state = State.DOWN;
      reason = why;
      count = ++failures;
    }
    if (before != State.DOWN) {
      log.warn("{}: unreachable, retrying in the background: {}", name, why);
    }
    return count;
  }

  public synchronized State state() {
    return state;
  }

  public synchronized boolean isUp() {
    return state == State.UP;
  }

  /** Why the chat cannot be used now ({@code "telegram: connecting"}), or empty when it is up. */
  public synchronized Optional<String> problem() {
    return state == State.UP ? Optional.empty() : Optional.of(name + ": " + reason);
  }

  @Override
  public synchronized String toString() {
    return "ChatLink[" + name + " " + state + "]";
  }
}
