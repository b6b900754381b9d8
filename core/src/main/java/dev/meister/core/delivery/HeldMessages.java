package dev.meister.core.delivery;

/**
 * Messages held back from the outbox until they may go (storm digests): each delivery round asks
 * them to queue what may now be sent, and delivers that in the same round.
 */
public interface HeldMessages {
  /** Queues the held messages that may go now; returns how many were queued. */
  int release();
}
