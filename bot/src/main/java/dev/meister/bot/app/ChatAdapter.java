package dev.meister.bot.app;

import dev.meister.bot.webhook.HealthCheck;
import dev.meister.bot.webhook.HealthStatus;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.CommandRegistry;
import dev.meister.core.chat.Sender;
import java.util.List;
import java.util.Optional;

/**
 * One configured chat as the root wires it: its outbound port first (so services can queue for it),
 * then its receiving side and endpoints (no network yet), then connecting, which the root does in
 * the background so the webhooks never wait for a chat.
 */
interface ChatAdapter extends AutoCloseable {
  /** {@code telegram}, {@code slack}, …: the component's and the health check's name. */
  String name();

  /** The outbound side, connected only while {@link #link} is up. */
  ChatPort port();

  ChatLink link();

  /**
   * Prepares receiving into {@code dispatcher}; touches no network.
   *
   * @param commands what the bot serves, for adapters that publish a command menu
   * @return the endpoints the webhook server serves for this chat from the start
   */
  List<WebhookEndpoint> receive(ChatDispatcher dispatcher, CommandRegistry commands);

  /** One try at connecting; throws when the chat cannot be reached or refuses us. */
  void connect();

  /**
   * The bot's own user id on this platform, once the chat has told it (Telegram {@code getMe},
   * Slack's bot user, Discord's self user), so the chain can drop the bot's own messages.
   */
  default Optional<String> selfId() {
    return Optional.empty();
  }

  /** True for the bot itself on this adapter's platform. */
  default boolean isSelf(Sender sender) {
    return sender.platform() == port().platform()
        && selfId().filter(id -> id.equals(sender.userId())).isPresent();
  }

  /** Why the last call to the chat failed for want of it, if it did. */
  Optional<String> lastFailure();

  /** Degraded while the chat is unreachable: the webhooks still work, messages wait. */
  default HealthCheck health() {
    return () ->
        link()
            .problem()
            .or(this::lastFailure)
            .map(HealthStatus::degraded)
            .orElseGet(HealthStatus::healthy);
  }

  /** Stops receiving (polling, the socket, the gateway); the port still works until close. */
  default void stopReceiving() {}

  /** Stops receiving and closes the chat's clients. */
  @Override
  void close();

  /** A port that needs no connecting (the console, a test's recording port). */
  static ChatAdapter fixed(ChatPort port) {
    return new FixedChat(port);
  }

  /** The chat's user groups that can follow the on-call ({@code slack_group}); Slack only. */
  default java.util.Optional<dev.meister.core.usergroup.UserGroups> userGroups() {
    return java.util.Optional.empty();
  }
}
