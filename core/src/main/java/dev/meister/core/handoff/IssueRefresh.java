package dev.meister.core.handoff;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.filing.GitHubRefusedException;
import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.filing.IssueSnapshot;
import dev.meister.core.filing.IssueTracker;
import dev.meister.core.schedule.RotationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issues a rotation leaves open, asked from GitHub when a hand-off is announced: "pending" and
 * "open" (seed 001) mean open on GitHub now, not what Meister happened to see. It asks for each
 * issue the rotation's alerts filed or linked (one request each, at most {@link #MAX_ISSUES}) and
 * lists the sub-issues of its epic (one request); closed ones drop out. When GitHub is down or
 * refuses, it stops asking and falls back on the states Meister last saw.
 */
public final class IssueRefresh {
  private static final Logger log = LoggerFactory.getLogger(IssueRefresh.class);

  /** Bounds the requests of one announcement; GitHub allows 5,000 an hour. */
  static final int MAX_ISSUES = 30;

  /** Sub-issues of the epic read in its one request. */
  static final int MAX_SUB_ISSUES = 50;

  /** GitHub's answer for a deleted issue: it is gone, not unreachable. */
  private static final int GONE = 410;

  private final OpenWork work;
  private final Optional<IssueTracker> tracker;
  private final Map<RotationId, EpicRef> epics;
  private final Map<RotationId, HandBack> handBacks;
  private final PriorityScale scale;
  private final Clock clock;

  /**
   * Asks {@code tracker} about the issues {@code work} knows.
   *
   * @param tracker GitHub; empty without a token, when the issues are listed as last seen
   * @param handBacks per rotation, what its weekend on-call hands back; the others hand back the
   *     scale's top two levels
   */
  public IssueRefresh(
      OpenWork work,
      Optional<IssueTracker> tracker,
      Map<RotationId, EpicRef> epics,
      Map<RotationId, HandBack> handBacks,
      PriorityScale scale,
      Clock clock) {
    this.work = work;
    this.tracker = tracker;
    this.epics = Map.copyOf(epics);
    this.handBacks = Map.copyOf(handBacks);
    this.scale = scale;
    this.clock = clock;
  }

  /** What a hand-off of {@code kind} passes on of the rotation's issues open now. */
  public HandedIssues handed(RotationId rotation, HandoffKind kind) {
    Refreshed now = openIssues(rotation);
    HandBack handBack = handBacks.getOrDefault(rotation, HandBack.topTwo(scale));
    return HandedIssues.at(kind, now.open(), handBack, scale, now.freshness());
  }

  /** The rotation's open issues now, and how current they are; records what GitHub said. */
  public Refreshed openIssues(RotationId rotation) {
    List<OpenIssue> known = work.issues(rotation, MAX_ISSUES);
    if (tracker.isEmpty()) {
      return new Refreshed(known, Freshness.UNTRACKED);
    }
    IssueTracker github = tracker.get();
    List<SeenIssue> seen = new ArrayList<>();
    Freshness freshness = Freshness.CURRENT;
    try {
      for (OpenIssue issue : known) {
        seen.add(snapshot(github, issue));
      }
      Optional<EpicRef> epic = Optional.ofNullable(epics.get(rotation));
      if (epic.isPresent()) {
        EpicRef e = epic.get();
        for (IssueSnapshot s :
            github.subIssues(e.owner() + "/" + e.repo(), e.number(), MAX_SUB_ISSUES)) {
          seen.add(new SeenIssue(OpenIssue.from(s, scale), s.open(), true));
        }
      }
    } catch (GitHubUnavailableException | GitHubRefusedException e) {
      // One failure is enough: an outage would fail every other request too, each after retries.
      log.warn("hand-off of {}: GitHub unreachable, issue states as last seen", rotation, e);
      freshness = Freshness.LAST_SEEN;
    }
    work.seen(rotation, seen, clock.instant());
    return new Refreshed(merge(known, seen, freshness), freshness);
  }

  private SeenIssue snapshot(IssueTracker github, OpenIssue issue) {
    try {
      IssueSnapshot s = github.snapshot(issue.ref().repo(), issue.ref().number());
      return new SeenIssue(OpenIssue.from(s, scale), s.open(), false);
    } catch (GitHubRefusedException e) {
      if (e.status() == GONE) {
        return new SeenIssue(issue, false, false);
      }
      throw e;
    }
  }

  /**
   * Every issue seen open, then the known ones GitHub was not asked about (it went down first),
   * without repeats: the sub-issues of the epic may also be linked by alerts.
   */
  private static List<OpenIssue> merge(
      List<OpenIssue> known, List<SeenIssue> seen, Freshness freshness) {
    List<OpenIssue> open = new ArrayList<>();
    for (SeenIssue s : seen) {
      if (s.open() && open.stream().noneMatch(o -> o.sameAs(s.issue().ref()))) {
        open.add(s.issue());
      }
    }
    if (freshness == Freshness.LAST_SEEN) {
      for (OpenIssue k : known) {
        boolean asked = seen.stream().anyMatch(s -> s.issue().sameAs(k.ref()));
        if (!asked) {
          open.add(k);
        }
      }
    }
    return open;
  }

  /** The open issues and how current they are. */
  public record Refreshed(List<OpenIssue> open, Freshness freshness) {
    public Refreshed {
      open = List.copyOf(open);
    }
  }
}
