package dev.meister.bot.app;

import dev.meister.bot.config.GitHubConfig;
import dev.meister.bot.github.GitHubClient;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.buildhint.BuildHints;
import dev.meister.core.filing.FilingWorker;
import dev.meister.core.filing.IssueDesk;
import dev.meister.core.filing.IssueFiler;
import dev.meister.core.filing.WhoToAsk;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.lease.Leadership;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import dev.meister.storage.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issue filing assembled from the {@code github} configuration: the desk the commands and buttons
 * ask, and the worker that talks to GitHub, woken whenever a queued request has committed.
 */
public final class Filing implements AutoCloseable {
  private final @Nullable FilingWorker worker;
  private final @Nullable Subscription wakeups;
  private final IssueDesk desk;

  /**
   * @param github the root's GitHub client; null without a {@code github} token
   * @param hints the build hints the analysis of a red build may find in its steps and logs
   * @param copies edits a filed alert's messages and mirror copies
   * @param flaky records the failing tests each analysis reads and tells the flaky ones
   */
  public Filing(
      GitHubConfig config,
      Team team,
      Storage storage,
      OnCallDirectory directory,
      Clock clock,
      @Nullable GitHubClient github,
      BuildHints hints,
      AlertCopies copies,
      FlakyTests flaky,
      Leadership leadership) {
    if (config.filingEnabled() && github != null) {
      IssueFiler filer =
          new IssueFiler(
              github,
              config.filingRules(),
              storage.filedIssues(),
              storage.alerts(),
              team,
              directory,
              clock,
              flaky::known);
      FilingWorker w =
          new FilingWorker(
              storage.issueRequests(),
              storage.alerts(),
              storage.issueLinks(),
              storage.messageLinks(),
              filer,
              storage.outbox(),
              // A deposed leader cannot record a filing: the new leader's stands (fencing).
              storage.fencedBy(leadership),
              clock,
              hints,
              Optional.of(new WhoToAsk(github, team)),
              Optional.of(copies),
              Optional.of(flaky));
      this.worker = w;
      // Every request queued (by the chat or by the intake) wakes it once it has committed.
      this.wakeups = storage.issueRequests().onQueued(alert -> w.nudge());
    } else {
      this.worker = null;
      this.wakeups = null;
    }
    this.desk =
        new IssueDesk(
            worker != null, storage.alerts(), storage.issueLinks(), storage.issueRequests(), clock);
  }

  /** Whether issues are filed: filing is configured and there is a GitHub client. */
  static boolean enabled(GitHubConfig config, @Nullable GitHubClient github) {
    return config.filingEnabled() && github != null;
  }

  public boolean enabled() {
    return worker != null;
  }

  /** Where {@code /issue} and the filing buttons ask for issues. */
  public IssueDesk desk() {
    return desk;
  }

  /** Starts working on queued requests, including those left from the last run. */
  public void start(Duration poll, Leadership leadership) {
    if (worker != null) {
      worker.start(poll, leadership);
    }
  }

  /** One round over the due requests now; for tests and the console. */
  public int processDue() {
    return worker == null ? 0 : worker.processDue();
  }

  @Override
  public void close() {
    if (wakeups != null) {
      wakeups.close();
    }
    if (worker != null) {
      worker.close();
    }
  }
}
