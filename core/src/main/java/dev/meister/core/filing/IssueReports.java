package dev.meister.core.filing;

import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: problems reported with {@code /issue new}, waiting for GitHub. Durable on return. */
public interface IssueReports {
  long enqueue(
      RotationId rotation,
      String title,
      Optional<String> priority,
      MemberId requestedBy,
      MessageRef answerUnder,
      Instant at);

  /** Pending reports whose time has come, oldest first. */
  List<IssueReport> due(Instant now, int limit);

  /** When the next pending report may be tried; empty when none is pending. */
  Optional<Instant> nextAttempt();

  /**
   * Filed as {@code issue}, answered by outbox entry {@code answer}; the rotation's open work lists
   * it from now on.
   */
  void filed(long id, IssueRef issue, long answer, Instant at);

  /** The filed report whose "Filed #N" answer is {@code message}. */
  Optional<IssueRef> filedIssueAnsweredBy(MessageRef message);

  /** Records why the reported issue happened and what was done; a later one replaces it. */
  void resolve(IssueRef issue, String reason, String solution, MemberId by, Instant at);

  void retryLater(long id, Instant notBefore, String error);

  void failed(long id, String error, Instant at);
}
