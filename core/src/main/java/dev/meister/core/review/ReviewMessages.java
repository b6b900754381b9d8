package dev.meister.core.review;

import dev.meister.core.chat.RichText;
import dev.meister.core.handoff.Freshness;
import dev.meister.core.handoff.OpenIssue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Renders an {@link IssueReview}: one line per issue with its age, assignee and last activity. */
public final class ReviewMessages {
  /** Lines of a long backlog beyond which the list is cut, so a chat message stays readable. */
  static final int SHOWN = 25;

  private ReviewMessages() {}

  /** The review as {@code /issues} answers and the weekly post says it. */
  public static RichText render(IssueReview review) {
    List<ReviewedIssue> issues = review.issues();
    RichText.Builder t = RichText.builder();
    String name = review.rotation().displayName();
    if (issues.isEmpty()) {
      t.text("No open issues for " + name + ".");
      freshness(t, review.freshness());
      return t.build();
    }
    t.bold("Open issues of " + name + " (" + issues.size() + ")");
    long stale = issues.stream().filter(ReviewedIssue::stale).count();
    long disabled = issues.stream().filter(ReviewedIssue::testsDisabled).count();
    if (stale > 0) {
      t.text(" · " + stale + " stale");
    }
    if (disabled > 0) {
      t.text(" · " + disabled + " with tests disabled");
    }
    freshness(t, review.freshness());
    for (int i = 0; i < Math.min(SHOWN, issues.size()); i++) {
      t.newline().text((i + 1) + ". ");
      line(t, issues.get(i), review.at());
    }
    if (issues.size() > SHOWN) {
      t.newline().text("… and " + (issues.size() - SHOWN) + " more.");
    }
    return t.build();
  }

  private static void line(RichText.Builder t, ReviewedIssue reviewed, Instant now) {
    OpenIssue issue = reviewed.issue();
    t.link("#" + issue.ref().number(), issue.ref().url());
    issue.priority().ifPresent(p -> t.text(" " + p));
    issue.title().ifPresent(title -> t.text(" “" + title + "”"));
    issue.createdAt().ifPresent(c -> t.text(" · opened " + ago(c, now)));
    t.text(" · " + issue.assignee().orElse("unassigned"));
    issue.updatedAt().ifPresent(u -> t.text(" · last activity " + ago(u, now)));
    if (reviewed.stale()) {
      t.text(" · ").emoji("hourglass").text(" stale");
    }
    if (reviewed.testsDisabled()) {
      // Seed 002: disabling "is a measure of last resort" and leaves the problem unsolved.
      t.text(" · ").emoji("warning").text(" tests disabled, problem not solved");
    }
  }

  private static void freshness(RichText.Builder t, Freshness freshness) {
    if (freshness == Freshness.LAST_SEEN) {
      t.text(" (GitHub unreachable: as last seen)");
    } else if (freshness == Freshness.UNTRACKED) {
      t.text(" (no GitHub token: as last seen)");
    }
  }

  /** {@code 3d ago}, {@code 5h ago}, {@code just now}. */
  static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.toDays() >= 1) {
      return d.toDays() + "d ago";
    }
    if (d.toHours() >= 1) {
      return d.toHours() + "h ago";
    }
    return d.isNegative() || d.toMinutes() < 1 ? "just now" : d.toMinutes() + "m ago";
  }
}
