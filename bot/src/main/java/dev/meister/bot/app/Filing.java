package dev.meister.bot.app;

import dev.meister.core.filing.FilingButtons;
import dev.meister.core.filing.FilingWorker;
import dev.meister.core.filing.IssueCommand;
import dev.meister.core.filing.IssueDesk;
import dev.meister.core.filing.IssueFiler;
import dev.meister.core.filing.PostmortemCommand;
import dev.meister.core.filing.ResolveCommand;
import dev.meister.core.filing.TopCommand;

import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.MemberResolver;
import dev.meister.bot.config.GitHubConfig;
import dev.meister.bot.github.GitHubClient;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.filing.BreakLog;
import dev.meister.core.filing.Reasons;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import dev.meister.storage.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Issue filing and the post-mortem log assembled from the {@code github} configuration: the
 * commands, the button handler, and the worker that talks to GitHub, woken whenever a queued
 * request has committed.
 */
public final class Filing implements AutoCloseable {
  private final GitHubConfig config;
  private final Storage storage;
  private final Clock clock;
  private final @Nullable FilingWorker worker;
  private final @Nullable Subscription wakeups;
  private final IssueDesk desk;
  private final BreakLog log;

  /** @param github the root's GitHub client; null without a {@code github} token */
  public Filing(GitHubConfig config, Team team, Storage storage, OnCallDirectory directory,
      Clock clock, @Nullable GitHubClient github) {
    this.config = config;
    this.storage = storage;
    this.clock = clock;
    if (config.filingEnabled() && github != null) {
      IssueFiler filer = new IssueFiler(github, config.filingRules(), storage.filedIssues(), storage.alerts(),
          team, directory, clock);
      FilingWorker w = new FilingWorker(storage.issueRequests(), storage.alerts(),
          storage.issueLinks(), storage.messageLinks(), filer, storage.outbox(),
          storage.database(), clock);
      this.worker = w;
      // Every request queued (by the chat or by the intake) wakes it once it has committed.
      this.wakeups = storage.issueRequests().onQueued(alert -> w.nudge());
    } else {
      this.worker = null;
      this.wakeups = null;
    }
    this.desk = new IssueDesk(worker != null, storage.alerts(), storage.issueLinks(),
        storage.issueRequests(), clock);
    this.log = new BreakLog(storage.alerts(), storage.issueLinks(), storage.resolutions());
  }

  public boolean enabled() {
    return worker != null;
  }

  /** {@code /issue}, {@code /resolve}, {@code /postmortem} and {@code /top}. */
  public List<CommandHandler> commands() {
    return List.of(new IssueCommand(desk, storage.messageLinks()),
        new ResolveCommand(storage.resolutions(), storage.messageLinks(), storage.alerts(),
            new Reasons(config.reasons()), clock),
        new PostmortemCommand(log), new TopCommand(log, clock));
  }

  /** Handles the filing buttons, passing everything else to {@code next}. */
  public ChatEventHandler buttons(MemberResolver members, ChatPorts ports,
      ChatEventHandler next) {
    return new FilingButtons(desk, members, ports, next);
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
    if (wakeups != null) {
      wakeups.close();
    }
    if (worker != null) {
      worker.close();
    }
  }
}
