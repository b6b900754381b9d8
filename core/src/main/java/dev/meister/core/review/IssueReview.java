package dev.meister.core.review;

import dev.meister.core.handoff.Freshness;
import dev.meister.core.schedule.Rotation;
import java.time.Instant;
import java.util.List;

/**
 * A rotation's open issues at one moment, most urgent first, as {@code /issues} and the weekly
 * review post show them.
 *
 * @param freshness whether GitHub was asked now or the list is as Meister last saw it
 */
public record IssueReview(
    Rotation rotation, List<ReviewedIssue> issues, Freshness freshness, Instant at) {
  public IssueReview {
    issues = List.copyOf(issues);
  }
}
