package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.core.action.ActionAlertButtons;
import dev.meister.core.action.ActionDesk;
import dev.meister.core.action.ActionExpiry;
import dev.meister.core.action.ActionLog;
import dev.meister.core.action.ActionMessages;
import dev.meister.core.action.ActionNotes;
import dev.meister.core.action.ActionParties;
import dev.meister.core.action.ActionPolicies;
import dev.meister.core.action.ActionWorker;
import dev.meister.core.action.RunActions;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.lease.Leadership;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.storage.Storage;
import dev.meister.storage.Subscription;
import java.time.Clock;
import java.time.Duration;

/**
 * Runbook actions (#14) assembled from the routes' and pipelines' {@code actions}: the desk the
 * commands and buttons ask, the worker that previews and executes through {@link RunActions} (woken
 * whenever a request has work for it, once that has committed), the expiry the timekeeper runs and
 * the audit trail.
 */
final class Actions implements AutoCloseable {
  private final ActionDesk desk;
  private final ActionWorker worker;
  private final ActionExpiry expiry;
  private final ActionLog log;
  private final Subscription wakeups;

  /**
   * @param alertMessages renders alerts with {@link #notes} and {@link #buttons}, for the edit that
   *     shows an action done
   * @param runActions what talks to Airflow and GitHub
   */
  Actions(
      MeisterConfig config,
      Storage storage,
      OnCallDirectory directory,
      AlertMessages alertMessages,
      RunActions runActions,
      Clock clock,
      Leadership leadership) {
    ActionPolicies policies = policies(config);
    ActionMessages messages = new ActionMessages(config.team());
    AlertContext context = new AlertContext(directory);
    this.desk =
        new ActionDesk(
            policies,
            new ActionParties(config.team(), directory, policies),
            storage.actions(),
            storage.alerts(),
            storage.messageLinks(),
            storage.outbox(),
            storage.database(),
            context,
            messages,
            clock);
    ActionWorker w =
        new ActionWorker(
            storage.actions(),
            runActions,
            storage.alerts(),
            context,
            new AlertCopies(
                storage.alerts(),
                alertMessages,
                directory,
                storage.messageLinks(),
                storage.outbox()),
            storage.outbox(),
            // A deposed leader cannot claim or record an action: the new leader's stands.
            storage.fencedBy(leadership),
            messages,
            clock);
    this.worker = w;
    this.wakeups = storage.actions().onReady(id -> w.nudge());
    this.expiry =
        new ActionExpiry(storage.actions(), storage.outbox(), storage.database(), messages);
    this.log = new ActionLog(storage.actions(), config.team());
  }

  static ActionPolicies policies(MeisterConfig config) {
    return new ActionPolicies(
        config.actions().routes(), config.actions().pipelines(), config.duties().pipelines());
  }

  /**
   * The lines of done actions on alert messages, for {@link AlertMessages}; none without any
   * policy, so a bot that allows no action reads nothing more per alert.
   */
  static AlertNotes notes(MeisterConfig config, Storage storage) {
    return policies(config).isEmpty()
        ? AlertNotes.NONE
        : new ActionNotes(storage.actions(), new ActionMessages(config.team()));
  }

  /** "🛠 Actions" on the alerts that allow any, for {@link AlertMessages}. */
  static ActionAlertButtons buttons(MeisterConfig config) {
    return new ActionAlertButtons(policies(config));
  }

  ActionDesk desk() {
    return desk;
  }

  ActionLog log() {
    return log;
  }

  /** Expires unconfirmed and unapproved requests; the timekeeper runs it. */
  ActionExpiry expiry() {
    return expiry;
  }

  /** Starts working on requests, including those left from the last run. */
  void start(Duration poll, Leadership leadership) {
    worker.start(poll, leadership);
  }

  /** One round over the due requests now; for tests and the console. */
  int processDue() {
    return worker.processDue();
  }

  @Override
  public void close() {
    wakeups.close();
    worker.close();
  }
}
