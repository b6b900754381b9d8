package dev.meister.core.chat;

import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops events the bot itself caused (its own messages echoed back, its own presses), so it never
 * answers itself in a loop. Adapters drop what the platform marks as a bot's; this catches the
 * bot's own identity whatever the platform says.
 */
public final class IgnoreOwnMessages implements ChatMiddleware {
  private static final Logger log = LoggerFactory.getLogger(IgnoreOwnMessages.class);

  private final Predicate<Sender> isBot;

  /**
   * @param isBot true for the bot's own identity on a platform
   */
  public IgnoreOwnMessages(Predicate<Sender> isBot) {
    this.isBot = isBot;
  }

  @Override
  public void handle(Inbound inbound, Next next) {
    if (isBot.test(inbound.event().sender())) {
      log.debug(
          "ignoring the bot's own {} in {}",
          ErrorReplies.describe(inbound.event()),
          inbound.event().chat());
      return;
    }
    next.handle(inbound);
  }
}
