package dev.meister.storage;

import dev.meister.core.lease.Leadership;
import dev.meister.core.tx.Transactions;
import java.nio.file.Path;
import java.time.Clock;

/** Every store over one database; closing it closes the database. */
public final class Storage implements AutoCloseable {
  private final Database database;
  private final JdbcOverrideStore overrides;
  private final JdbcAlertStore alerts;
  private final JdbcMessageLinkStore messageLinks;
  private final JdbcIssueLinkStore issueLinks;
  private final JdbcHandoffStore handoffs;
  private final JdbcOutbox outbox;
  private final JdbcRunHistory runs;
  private final JdbcBuildRunStore buildRuns;
  private final JdbcStatusPostStore statusPosts;
  private final JdbcAlertFollowUps followUps;
  private final JdbcOpenWork openWork;
  private final JdbcScheduleRequests requests;
  private final JdbcSlaChecks slaChecks;
  private final JdbcIssueRequests issueRequests;
  private final JdbcFiledIssueStore filedIssues;
  private final JdbcResolutionStore resolutions;
  private final JdbcGreenNotices greenNotices;
  private final JdbcPipelineNotices pipelineNotices;
  private final JdbcPipelineAlerts pipelineAlerts;
  private final JdbcShiftNotices shiftNotices;
  private final JdbcEscalationStore escalations;
  private final JdbcIssueReports issueReports;
  private final JdbcActionStore actions;
  private final JdbcQuestionStore questions;
  private final JdbcCalendarTokenStore calendarTokens;
  private final JdbcGroupStateStore userGroups;
  private final JdbcSilenceStore silences;
  private final JdbcSnoozeStore snoozes;
  private final JdbcSignIns signIns;
  private final JdbcLeaseStore leases;
  private final JdbcPaceBuckets paceBuckets;
  private final JdbcRetention retention;

  private Storage(Database database, Clock clock) {
    this.database = database;
    this.overrides = new JdbcOverrideStore(database, clock);
    this.alerts = new JdbcAlertStore(database);
    this.messageLinks = new JdbcMessageLinkStore(database);
    this.issueLinks = new JdbcIssueLinkStore(database);
    this.handoffs = new JdbcHandoffStore(database);
    this.leases = new JdbcLeaseStore(database);
    this.paceBuckets = new JdbcPaceBuckets(database);
    this.outbox = new JdbcOutbox(database, clock, leases);
    this.runs = new JdbcRunHistory(database);
    this.buildRuns = new JdbcBuildRunStore(database);
    this.statusPosts = new JdbcStatusPostStore(database);
    this.followUps = new JdbcAlertFollowUps(database);
    this.openWork = new JdbcOpenWork(database, alerts);
    this.requests = new JdbcScheduleRequests(database);
    this.slaChecks = new JdbcSlaChecks(database);
    this.issueRequests = new JdbcIssueRequests(database);
    this.filedIssues = new JdbcFiledIssueStore(database);
    this.resolutions = new JdbcResolutionStore(database);
    this.greenNotices = new JdbcGreenNotices(database);
    this.pipelineNotices = new JdbcPipelineNotices(database);
    this.pipelineAlerts = new JdbcPipelineAlerts(database, alerts, resolutions);
    this.shiftNotices = new JdbcShiftNotices(database);
    this.escalations = new JdbcEscalationStore(database);
    this.issueReports = new JdbcIssueReports(database);
    this.actions = new JdbcActionStore(database);
    this.questions = new JdbcQuestionStore(database);
    this.calendarTokens = new JdbcCalendarTokenStore(database);
    this.userGroups = new JdbcGroupStateStore(database);
    this.silences = new JdbcSilenceStore(database);
    this.snoozes = new JdbcSnoozeStore(database);
    this.signIns = new JdbcSignIns(database);
    this.retention = new JdbcRetention(database);
  }

  /** Opens the SQLite file, creating and migrating it as needed. */
  public static Storage open(Path file, Clock clock) {
    return new Storage(Database.open(file), clock);
  }

  /** The leader lease, for instances sharing a PostgreSQL database. */
  public JdbcLeaseStore leases() {
    return leases;
  }

  /**
   * Transactions that commit only while {@code leadership} still holds the lease (see {@link
   * FencedTransactions}): for the leader's workers, whose writes a deposed leader must not make.
   */
  public Transactions fencedBy(Leadership leadership) {
    return new FencedTransactions(database, leases, leadership);
  }

  /** The storm pace shared by instances on one database. */
  public JdbcPaceBuckets paceBuckets() {
    return paceBuckets;
  }

  /** Prunes old delivered messages, recorded successes and status posts. */
  public JdbcRetention retention() {
    return retention;
  }

  public JdbcSilenceStore silences() {
    return silences;
  }

  public JdbcSnoozeStore snoozes() {
    return snoozes;
  }

  /** Opens the SQLite file or the PostgreSQL database, migrating it as needed. */
  public static Storage open(DatabaseTarget target, Clock clock) {
    return new Storage(Database.open(target), clock);
  }

  public Database database() {
    return database;
  }

  public JdbcOverrideStore overrides() {
    return overrides;
  }

  public JdbcAlertStore alerts() {
    return alerts;
  }

  public JdbcMessageLinkStore messageLinks() {
    return messageLinks;
  }

  public JdbcIssueLinkStore issueLinks() {
    return issueLinks;
  }

  public JdbcHandoffStore handoffs() {
    return handoffs;
  }

  public JdbcOutbox outbox() {
    return outbox;
  }

  public JdbcRunHistory runs() {
    return runs;
  }

  /** Workflow run attempts with their failing tests, and the tests seen flaky. */
  public JdbcBuildRunStore buildRuns() {
    return buildRuns;
  }

  public JdbcStatusPostStore statusPosts() {
    return statusPosts;
  }

  public JdbcAlertFollowUps followUps() {
    return followUps;
  }

  /** What the pipeline rules posted (fix breaches, work-hours tags, check reminders). */
  public JdbcPipelineNotices pipelineNotices() {
    return pipelineNotices;
  }

  /** The shift reminders and on-call announcements posted. */
  public JdbcSignIns signIns() {
    return signIns;
  }

  public JdbcShiftNotices shiftNotices() {
    return shiftNotices;
  }

  public JdbcPipelineAlerts pipelineAlerts() {
    return pipelineAlerts;
  }

  public JdbcSlaChecks slaChecks() {
    return slaChecks;
  }

  public JdbcScheduleRequests requests() {
    return requests;
  }

  public JdbcOpenWork openWork() {
    return openWork;
  }

  public JdbcIssueRequests issueRequests() {
    return issueRequests;
  }

  public JdbcFiledIssueStore filedIssues() {
    return filedIssues;
  }

  /** Problems reported with {@code /issue new}, queued for GitHub and then tracked. */
  public JdbcIssueReports issueReports() {
    return issueReports;
  }

  /** Alerts escalated by hand and the nudges that suggest it. */
  public JdbcEscalationStore escalations() {
    return escalations;
  }

  /** Runbook action requests (clear, mark success, re-run, pause) and their audit trail. */
  public JdbcGroupStateStore userGroups() {
    return userGroups;
  }

  public JdbcCalendarTokenStore calendarTokens() {
    return calendarTokens;
  }

  public JdbcQuestionStore questions() {
    return questions;
  }

  public JdbcActionStore actions() {
    return actions;
  }

  public JdbcResolutionStore resolutions() {
    return resolutions;
  }

  public JdbcGreenNotices greenNotices() {
    return greenNotices;
  }

  @Override
  public void close() {
    database.close();
  }
}
