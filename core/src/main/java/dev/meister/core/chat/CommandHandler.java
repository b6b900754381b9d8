package dev.meister.core.chat;

/**
 * One chat command, e.g. {@code /whoisoncall}. Handlers are adapter-agnostic: they read a request
 * and return the reply; the chat chain queues it for delivery, checks membership and turns {@link
 * IllegalArgumentException}s into usage replies.
 */
public interface CommandHandler {
  /** Lower-case name without the slash. */
  String name();

  /** e.g. {@code /schedule ROTATION [N]}. */
  String usage();

  /** One line for {@code /help}. */
  String summary();

  /** Whether the command changes state, so only team members may run it. */
  default boolean changesState() {
    return false;
  }

  /**
   * Whether the command touches nothing but the stores, so it runs in one transaction with its
   * queued reply: the change and the answer are durable together or not at all. A command that
   * calls out (HTTP) must say false, or it would hold the database while it waits.
   */
  default boolean storesOnly() {
    return false;
  }

  CommandReply handle(CommandRequest request);
}
