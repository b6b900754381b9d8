package dev.meister.core.delivery;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Port: chat messages waiting to be delivered, kept durably so an outage of the chat service or a
 * restart of the bot loses none. Entries leave the outbox only as delivered or as failed for good.
 */
public interface Outbox {
  /** Queues a message; durable on return. Returns its id. */
  long enqueue(PendingMessage message);

  /**
   * Pending entries whose time has come, oldest first, leaving out any entry behind an older
   * pending one of the same chat that must still wait: a chat's messages go out in the order they
   * were queued.
   */
  List<OutboxEntry> due(Instant now, int limit);

  /**
   * Marks an entry delivered and, when it belongs to an alert and a message was created, links that
   * message to the alert, in one step.
   */
  void delivered(long id, @Nullable MessageRef sent, Instant at);

  /**
   * Leaves an entry pending until {@code notBefore} after a failed try (network error, 5xx,
   * outage), counting the attempt and the failure.
   */
  void retryLater(long id, Instant notBefore, String error);

  /**
   * Leaves an entry pending until {@code notBefore} because the chat asked to wait that long (a
   * rate limit), counting the attempt but not as a failure: the chat's own wait says nothing about
   * an outage, so it must not lengthen the backoff of a later one.
   */
  void rateLimited(long id, Instant notBefore, String error);

  /** Gives up on an entry the chat refused for good; it stays stored for inspection. */
  void failed(long id, String error, Instant at);

  /**
   * Holds an alert's message back during an alert storm: it will not be sent on its own but
   * announced in a digest. Durable, so a restart still announces it.
   */
  void fold(long id);

  /**
   * Queues a message already held back for a digest, as {@link #enqueue} then {@link #fold} would;
   * durable on return. Returns its id. A store does it in one write: in a storm most alerts are
   * folded as they arrive.
   */
  default long enqueueFolded(PendingMessage message) {
    long id = enqueue(message);
    fold(id);
    return id;
  }

  /** Folded entries of one chat, oldest first. */
  List<OutboxEntry> folded(ChatRef chat, int limit);

  /** The chats that have folded entries not yet announced. */
  List<ChatRef> chatsWithFolded();

  /**
   * Marks every folded entry of {@code chat} as announced by a digest; returns how many. Called in
   * the transaction that queues the digest, so the count it reports is the count it marked.
   */
  int digestFolded(ChatRef chat, Instant at);

  /**
   * Every chat that, since {@code since}, had an alert post queued to go out on its own or a digest
   * queued: read once at start, so storm pacing resumes where it stood before a restart.
   */
  List<RecentPosts> recentPosts(Instant since);

  /** How many entries are still pending. */
  int pendingCount();
}
