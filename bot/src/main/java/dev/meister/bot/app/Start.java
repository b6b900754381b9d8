package dev.meister.bot.app;

import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.webhook.WebhookEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link BotRuntime#start} starts, and how often each part polls: {@code run} starts
 * everything; the demo the same with a faster outbox; tests pick the parts they drive themselves.
 *
 * @param delivery the outbox worker's (and the issue filer's) poll
 * @param timers the timed duties' sweep
 * @param statusPosts the status posts' poll
 * @param webhooks where to serve the webhooks and {@code /health}
 * @param endpoints more endpoints to serve, for chats a test connects itself
 */
record Start(
    Optional<Duration> delivery,
    Optional<Duration> timers,
    Optional<Duration> statusPosts,
    Optional<ServerConfig> webhooks,
    List<WebhookEndpoint> endpoints) {
  Start {
    endpoints = List.copyOf(endpoints);
  }

  /** Nothing in the background: the chats' connecting only. */
  static Start none() {
    return new Start(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  /** {@code meister run}. */
  static Start everything(ServerConfig server) {
    return none()
        .withDelivery(Duration.ofSeconds(1))
        .withTimers(Duration.ofMinutes(1))
        .withStatusPosts(Duration.ofSeconds(15))
        .withWebhooks(server);
  }

  Start withDelivery(Duration poll) {
    return new Start(Optional.of(poll), timers, statusPosts, webhooks, endpoints);
  }

  Start withTimers(Duration sweep) {
    return new Start(delivery, Optional.of(sweep), statusPosts, webhooks, endpoints);
  }

  Start withStatusPosts(Duration tick) {
    return new Start(delivery, timers, Optional.of(tick), webhooks, endpoints);
  }

  Start withWebhooks(ServerConfig server) {
    return new Start(delivery, timers, statusPosts, Optional.of(server), endpoints);
  }

  Start withEndpoints(List<WebhookEndpoint> more) {
    return new Start(delivery, timers, statusPosts, webhooks, more);
  }
}
