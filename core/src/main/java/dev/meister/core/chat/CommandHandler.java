package dev.meister.core.chat;

/**
 * One chat command, e.g. {@code /whoisoncall}. Handlers are adapter-agnostic: they read a request
 * and return the reply; the chat pipeline delivers it, checks membership and turns {@link
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

  CommandReply handle(CommandRequest request);
}
