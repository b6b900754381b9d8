package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageRef;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A person's request to file or link an issue, kept durably until GitHub has done it or refused.
 *
 * @param issue the issue number to join, for {@link IssueRequestKind#JOIN}
 * @param answerUnder the chat message the answer is posted under; for {@link
 *     IssueRequestKind#ANALYSE} none (the alert's own message, once posted)
 * @param requestedBy the member id of who asked
 * @param priority the priority label the person chose for a {@link IssueRequestKind#FILE}, as on
 *     the scale; {@code null} to take the alert's level or the filing default
 * @param assignee the GitHub login to assign, for {@link IssueRequestKind#ASSIGN}
 * @param attempts how many times it was tried
 */
public record IssueRequest(
    long id,
    IssueRequestKind kind,
    AlertId alert,
    @Nullable Integer issue,
    @Nullable MessageRef answerUnder,
    String requestedBy,
    @Nullable String priority,
    @Nullable String assignee,
    int attempts) {

  /** The priority label the person chose; empty to take the alert's level or the default. */
  public Optional<String> chosenPriority() {
    return Optional.ofNullable(priority);
  }
}
