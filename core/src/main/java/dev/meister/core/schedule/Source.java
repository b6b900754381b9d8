package dev.meister.core.schedule;

/** Why a member is on call at a given moment, strongest last. */
public enum Source {
  /** Their turn in the regular roster. */
  REGULAR,
  /** Their turn in the weekend layer. */
  WEEKEND,
  /** A swap gave them someone else's regular or weekend shift. */
  SWAP,
  /** They cover for an unavailable member. */
  COVER,
  /** An explicit override for this interval. */
  OVERRIDE
}
