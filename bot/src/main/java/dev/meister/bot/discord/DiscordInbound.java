package dev.meister.bot.discord;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Discord input to the chat dispatcher: translated, served only for configured channels (and
 * their threads), one at a time and in order off the gateway's thread, every failure logged with a
 * reference.
 */
public final class DiscordInbound implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordInbound.class);

  private final Set<String> channelIds;
  private final ChatEventHandler handler;
  private final DiscordEventTranslator translator = new DiscordEventTranslator();
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "discord-events");
            t.setDaemon(true);
            return t;
          });

  public DiscordInbound(Set<String> channelIds, ChatEventHandler handler) {
    this.channelIds = Set.copyOf(channelIds);
    this.handler = handler;
  }

  /** Whether Meister serves this channel: a configured one or a thread in one. */
  public boolean serves(DiscordInput input) {
    String parent = input.parentChannelId();
    return channelIds.contains(input.channelId())
        || (parent != null && channelIds.contains(parent));
  }

  /** Never throws; the gateway thread must go on. */
  public void receive(DiscordInput input) {
    if (!serves(input)) {
      LOG.debug("Discord: ignoring channel {}, which is not configured", input.channelId());
      return;
    }
    try {
      events.execute(() -> handle(input));
    } catch (RejectedExecutionException stopping) {
      LOG.info("Discord: stopping, dropped an event from {}", input.channelId());
    }
  }

  /**
   * The adapter's one catch, a last resort: the chat chain answers failures of handling itself, so
   * what lands here is input that could not be read.
   */
  private void handle(DiscordInput input) {
    try {
      Optional<ChatEvent> event = translator.translate(input);
      event.ifPresent(handler::handle);
    } catch (RuntimeException e) {
      LOG.error(
          "Discord: could not handle {} [ref {}]", input.getClass().getSimpleName(), ref(), e);
    }
  }

  private static String ref() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    events.shutdown();
    try {
      if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
        events.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
