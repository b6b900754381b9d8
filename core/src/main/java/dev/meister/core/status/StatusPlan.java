package dev.meister.core.status;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.util.List;

/**
 * How a board is posted: to which chats, how often the post is refreshed while the run goes on, and
 * for how long after posting at most.
 */
public record StatusPlan(
    StatusBoard board, List<ChatRef> chats, Duration pollEvery, Duration stopAfter) {
  public StatusPlan {
    chats = List.copyOf(chats);
    Checks.check(!pollEvery.isNegative() && !pollEvery.isZero(), "poll_every must be positive");
    Checks.check(!stopAfter.isNegative() && !stopAfter.isZero(), "stop_after must be positive");
  }
}
