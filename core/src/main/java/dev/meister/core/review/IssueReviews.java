package dev.meister.core.review;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueLinkStore;
import dev.meister.core.filing.ResolutionStore;
import dev.meister.core.handoff.IssueRefresh;
import dev.meister.core.handoff.OpenIssue;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reviews a rotation's open issues: the ones the hand-off would pass on ({@link IssueRefresh}: the
 * issues its alerts filed or linked and the sub-issues of its epic, asked from GitHub now), ordered
 * by the team's priority scale, each flagged when it has gone quiet or when its break was resolved
 * by disabling tests.
 */
public final class IssueReviews {
  /** How long without activity makes an issue stale when the rotation does not say. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(7);

  private final IssueRefresh refresh;
  private final IssueLinkStore links;
  private final ResolutionStore resolutions;
  private final PriorityScale scale;
  private final Map<RotationId, Duration> staleAfter;
  private final Clock clock;

  /**
   * @param staleAfter per rotation that sets {@code stale_after}; the others use {@link
   *     #DEFAULT_STALE_AFTER}
   */
  public IssueReviews(
      IssueRefresh refresh,
      IssueLinkStore links,
      ResolutionStore resolutions,
      PriorityScale scale,
      Map<RotationId, Duration> staleAfter,
      Clock clock) {
    this.refresh = refresh;
    this.links = links;
    this.resolutions = resolutions;
    this.scale = scale;
    this.staleAfter = Map.copyOf(staleAfter);
    this.clock = clock;
  }

  /** The rotation's open issues now, most urgent first (then oldest first). */
  public IssueReview review(Rotation rotation) {
    IssueRefresh.Refreshed now = refresh.openIssues(rotation.id());
    Instant at = clock.instant();
    Duration quiet = staleAfter.getOrDefault(rotation.id(), DEFAULT_STALE_AFTER);
    List<ReviewedIssue> reviewed =
        now.open().stream()
            .sorted(order())
            .map(
                i ->
                    new ReviewedIssue(
                        i,
                        i.updatedAt().map(u -> u.plus(quiet).isBefore(at)).orElse(false),
                        testsDisabled(i)))
            .toList();
    return new IssueReview(rotation, reviewed, now.freshness(), at);
  }

  /** How long without activity makes the rotation's issues stale. */
  public Duration staleAfter(RotationId rotation) {
    return staleAfter.getOrDefault(rotation, DEFAULT_STALE_AFTER);
  }

  private Comparator<OpenIssue> order() {
    Comparator<Optional<Instant>> oldestFirst =
        Comparator.comparing(
            (Optional<Instant> t) -> t.orElse(Instant.MAX), Comparator.naturalOrder());
    return Comparator.comparing(OpenIssue::priority, scale.highestFirst())
        .thenComparing(OpenIssue::createdAt, oldestFirst)
        .thenComparing(i -> i.ref().number());
  }

  private boolean testsDisabled(OpenIssue issue) {
    for (IssueLink link : links.alertsFor(issue.ref())) {
      if (resolutions.resolutionOf(link.alert()).filter(DisabledTests::by).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
