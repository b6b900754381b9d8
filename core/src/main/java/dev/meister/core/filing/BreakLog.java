package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The post-mortem log: every alert is a break, with its issue and resolution. Computed from the
 * stores rather than kept as a copy, so it never disagrees with them.
 */
public final class BreakLog {
  /** More breaks than any team keeps in its head; the CSV export reads them all. */
  static final int ALL = 1_000_000;

  private final AlertStore alerts;
  private final IssueLinkStore issues;
  private final ResolutionStore resolutions;
  private final BreakActions actions;

  public BreakLog(AlertStore alerts, IssueLinkStore issues, ResolutionStore resolutions) {
    this(alerts, issues, resolutions, BreakActions.NONE);
  }

  /**
   * @param actions the runbook actions done on each alert's run
   */
  public BreakLog(
      AlertStore alerts, IssueLinkStore issues, ResolutionStore resolutions, BreakActions actions) {
    this.alerts = alerts;
    this.issues = issues;
    this.resolutions = resolutions;
    this.actions = actions;
  }

  /** The last {@code n} breaks, newest first. */
  public List<Break> recent(int n) {
    List<Break> breaks = new ArrayList<>();
    for (Alert a : alerts.recent(n)) {
      breaks.add(of(a));
    }
    return breaks;
  }

  /** Every break, newest first. */
  public List<Break> all() {
    return recent(ALL);
  }

  /** The breaks received at or after {@code from}, newest first. */
  public List<Break> since(Instant from) {
    List<Break> breaks = new ArrayList<>();
    for (Alert a : alerts.recent(ALL)) {
      if (a.receivedAt().isBefore(from)) {
        break;
      }
      breaks.add(of(a));
    }
    return breaks;
  }

  public Break of(Alert a) {
    return new Break(
        a,
        issues.issueFor(a.storedId()).orElse(null),
        resolutions.resolutionOf(a.storedId()).orElse(null),
        actions.actionsOf(a.storedId()));
  }
}
