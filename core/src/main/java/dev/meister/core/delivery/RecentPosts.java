package dev.meister.core.delivery;

import dev.meister.core.chat.ChatRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the outbox remembers a chat was sent lately, so its storm pacing survives a restart.
 *
 * @param alertPosts when each alert post that was to go out on its own (not folded) was queued,
 *     oldest first
 * @param lastDigest when the chat's folded alerts were last announced in a digest, if in the period
 *     asked about
 */
public record RecentPosts(ChatRef chat, List<Instant> alertPosts, Optional<Instant> lastDigest) {
  public RecentPosts {
    alertPosts = List.copyOf(alertPosts);
  }
}
