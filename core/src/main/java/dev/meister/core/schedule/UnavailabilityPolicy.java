package dev.meister.core.schedule;

/** What happens to a shift whose member is marked unavailable and named no cover. */
public enum UnavailabilityPolicy {
  /** The next available member of the same roster takes it; the roster order itself is kept. */
  SKIP_TO_NEXT,
  /** The shift stays uncovered and the member stays on it: someone must add an override. */
  KEEP
}
