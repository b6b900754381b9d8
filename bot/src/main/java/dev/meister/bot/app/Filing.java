package dev.meister.bot.app;

import dev.meister.core.filing.FilingWorker;
import dev.meister.core.filing.GreenAgain;
import dev.meister.core.filing.IssueDesk;
import dev.meister.core.filing.IssueFiler;

import dev.meister.bot.config.GitHubConfig;
import dev.meister.bot.github.GitHubClient;
import dev.meister.bot.github.Sleeper;
import dev.meister.core.alert.AlertAttributes;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.Intake;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEventSink;
import dev.meister.core.filing.IssueRequestKind;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Issue filing assembled from the {@code github} configuration: the desk the commands and buttons
 * ask, the worker that talks to GitHub, and the "green again" intake.
 */
public final class Filing implements AutoCloseable {
  private final Storage storage;
  private final Clock clock;
  private final Runnable queued;
  private final @Nullable FilingWorker worker;
  private final IssueDesk desk;

  /**
   * @param queued wakes the outbox worker after answers were queued
   * @param sleeper how the GitHub client waits between retries
   */
  public Filing(GitHubConfig config, Team team, Storage storage, OnCallDirectory directory,
      Runnable queued, Clock clock, Sleeper sleeper) {
    this.storage = storage;
    this.clock = clock;
    this.queued = queued;
    if (config.filingEnabled()) {
      GitHubClient github = GitHubClient.create(config.apiUrl(), config.token().reveal(), clock,
          sleeper);
      IssueFiler filer = new IssueFiler(github, config.filingRules(), storage.filedIssues(), storage.alerts(),
          team, directory, clock);
      this.worker = new FilingWorker(storage.issueRequests(), storage.alerts(),
          storage.issueLinks(), storage.messageLinks(), filer, storage.outbox(),
          storage.database(), queued, clock);
    } else {
      this.worker = null;
    }
    FilingWorker w = worker;
    this.desk = new IssueDesk(w != null, storage.alerts(), storage.issueLinks(),
        storage.issueRequests(), () -> {
          if (w != null) {
            w.nudge();
          }
        }, clock);
  }

  public boolean enabled() {
    return worker != null;
  }

  /** Where {@code /issue} and the filing buttons ask for issues. */
  public IssueDesk desk() {
    return desk;
  }

  /**
   * The intake wrapped so a later success says "green again" under earlier failures, and a new
   * build failure's logs are read to tell whether it "looks like" an issue already filed.
   */
  public RunEventSink wrap(RunEventSink intake) {
    RunEventSink green = new GreenAgain(intake, storage.alerts(), storage.messageLinks(),
        storage.greenNotices(), storage.outbox(), storage.database(), queued);
    if (worker == null) {
      return green;
    }
    FilingWorker w = worker;
    return event -> {
      Intake result = green.accept(event);
      if (event.outcome() == Outcome.FAILED && event.source() == AlertSource.GITHUB_ACTIONS
          && !result.duplicate() && event.attribute(AlertAttributes.RUN_ID).isPresent()) {
        result.alertId().ifPresent(id -> {
          storage.issueRequests().enqueue(IssueRequestKind.ANALYSE, id, null, null, "meister",
              clock.instant());
          w.nudge();
        });
      }
      return result;
    };
  }

  /** Starts working on queued requests, including those left from the last run. */
  public void start(Duration poll) {
    if (worker != null) {
      worker.start(poll);
    }
  }

  /** One round over the due requests now; for tests and the console. */
  public int processDue() {
    return worker == null ? 0 : worker.processDue();
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }
}
