package dev.meister.core.filing;

import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Backoff;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Member;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the problems reported with {@code /issue new} on the timekeeper's thread, never the chat's:
 * in the rotation's repository, with its labels and the chosen priority label (else its default),
 * assigned to whoever is on call now. A refusal is answered in one line and nothing is filed; an
 * outage is tried again with back-off.
 */
public final class ReportFiling implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(ReportFiling.class);

  private final IssueReports reports;
  private final IssueTracker github;
  private final FilingRules rules;
  private final FiledIssueStore filed;
  private final OnCallDirectory directory;
  private final Team team;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  public ReportFiling(
      IssueReports reports,
      IssueTracker github,
      FilingRules rules,
      FiledIssueStore filed,
      OnCallDirectory directory,
      Team team,
      Outbox outbox,
      Transactions transactions,
      Clock clock) {
    this.reports = reports;
    this.github = github;
    this.rules = rules;
    this.filed = filed;
    this.directory = directory;
    this.team = team;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "issue-reports";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    for (IssueReport r : reports.due(now, 20)) {
      try {
        file(r);
      } catch (GitHubRefusedException e) {
        fail(r, e.describe());
      } catch (NotFileableException e) {
        fail(r, "Cannot file it: " + e.getMessage());
      } catch (GitHubUnavailableException e) {
        retry(r, String.valueOf(e.getMessage()), e.retryAfter());
      } catch (RuntimeException bug) {
        log.error("issue report #{} failed unexpectedly", r.id(), bug);
        retry(r, String.valueOf(bug), null);
      }
    }
    return reports.nextAttempt();
  }

  private void file(IssueReport r) {
    FilingRule configured = rules.ruleFor(r.rotation());
    FilingRule rule = r.priority().map(configured::withPriority).orElse(configured);
    String repo =
        rule.targetRepo()
            .orElseThrow(
                () ->
                    new NotFileableException(
                        "no repository to file in: set github.repo (or github.rotations."
                            + r.rotation()
                            + ".repo) in the configuration"));
    Optional<Member> onCall = onCall(r);
    String by = team.find(r.requestedBy()).map(Member::displayName).orElse(r.requestedBy().value());
    String body =
        "Reported in chat by "
            + by
            + ".\n\n"
            + onCall
                .flatMap(m -> Optional.ofNullable(m.githubLogin()))
                .map(login -> "**On call:** @" + login + "\n\n")
                .orElse("")
            + "_Filed by Meister from /issue new._\n";
    GitHubIssue issue =
        github.createIssue(new IssueDraft(repo, r.title(), body, rule.allLabels(), List.of()));
    IssueRef ref = new IssueRef(repo, issue.number(), issue.url());
    filed.record(
        new FiledIssue(
            ref,
            issue.id(),
            issue.title(),
            "report:" + r.id(),
            clock.instant(),
            true,
            rule.priority()));
    // Assigning is best effort: a login GitHub does not take must not undo the filing.
    Optional<String> note = Optional.empty();
    Optional<String> login = onCall.flatMap(m -> Optional.ofNullable(m.githubLogin()));
    if (login.isPresent()) {
      try {
        github.addAssignees(repo, issue.number(), List.of(login.get()));
      } catch (GitHubRefusedException e) {
        note = Optional.of("assigning " + login.get() + " failed: " + e.describe());
      }
    }
    Optional<String> warning = note;
    transactions.inTransaction(
        () -> {
          long answer =
              outbox.enqueue(
                  PendingMessage.reply(r.answerUnder(), done(ref, issue.title(), warning), null));
          reports.filed(r.id(), ref, answer, clock.instant());
        });
    log.info("issue report #{} filed as {}", r.id(), ref);
  }

  private Optional<Member> onCall(IssueReport r) {
    Instant now = clock.instant();
    return directory
        .find(r.rotation())
        .flatMap(rot -> team.find(directory.resolver(rot, now).onCallAt(now).primary().member()));
  }

  private static OutgoingMessage done(IssueRef ref, String title, Optional<String> note) {
    RichText.Builder text =
        RichText.builder()
            .text(EmojiNames.unicode("memo") + " Filed ")
            .link("#" + ref.number(), ref.url())
            .text(": " + title);
    note.ifPresent(n -> text.newline().text(EmojiNames.unicode("warning") + " " + n));
    return OutgoingMessage.of(text.build());
  }

  private void fail(IssueReport r, String why) {
    log.warn("issue report #{} failed: {}", r.id(), why);
    transactions.inTransaction(
        () -> {
          reports.failed(r.id(), why, clock.instant());
          outbox.enqueue(
              PendingMessage.reply(
                  r.answerUnder(),
                  OutgoingMessage.plain(
                      EmojiNames.unicode("warning") + " Could not file the issue: " + why + "."),
                  null));
        });
  }

  private void retry(IssueReport r, String error, @Nullable Duration after) {
    int attempts = r.attempts() + 1;
    if (attempts >= FilingWorker.MAX_ATTEMPTS) {
      fail(r, "GitHub did not answer after " + attempts + " tries (" + error + ")");
      return;
    }
    reports.retryLater(r.id(), clock.instant().plus(Backoff.after(attempts, after)), error);
  }
}
