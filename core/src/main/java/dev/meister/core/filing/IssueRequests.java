package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: issue requests waiting for GitHub. Durable on return, so a slow or failing GitHub, or a
 * restart, loses no request.
 */
public interface IssueRequests {
  long enqueue(
      IssueRequestKind kind,
      AlertId alert,
      @Nullable Integer issue,
      @Nullable MessageRef answerUnder,
      String requestedBy,
      Optional<String> priority,
      Instant at);

  /**
   * Queues {@code /assign}: GitHub login {@code login} becomes an assignee of issue number {@code
   * issue} of the alert, answered under {@code answerUnder}.
   */
  long enqueueAssign(
      AlertId alert,
      int issue,
      MessageRef answerUnder,
      String requestedBy,
      String login,
      Instant at);

  /** Pending requests whose time has come, oldest first. */
  List<IssueRequest> due(Instant now, int limit);

  void done(long id, Instant at);

  void retryLater(long id, Instant notBefore, String error);

  void failed(long id, String error, Instant at);

  /** Whether a filing or linking request for {@code alert} is still waiting. */
  boolean pendingFor(AlertId alert);
}
