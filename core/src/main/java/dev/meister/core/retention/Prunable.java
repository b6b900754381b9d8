package dev.meister.core.retention;

/**
 * The kinds of rows retention prunes, in the order it prunes them: a status post names its outbox
 * message, so the post goes before the message can.
 */
public enum Prunable {
  /** Daily DAG status posts whose polling ended before the cut-off. */
  STATUS_POSTS,
  /**
   * Outbox entries delivered (or announced in a storm digest) before the cut-off, unless something
   * kept still points at them (a status post, an issue report's or a question's answer). Pending
   * and failed entries are never pruned, whatever their age.
   */
  DELIVERED_MESSAGES,
  /**
   * Successful runs recorded from webhooks (their payload's attributes) before the cut-off, except
   * the latest of each build, which says when it last succeeded.
   */
  RUN_SUCCESSES
}
