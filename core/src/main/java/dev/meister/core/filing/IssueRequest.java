package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageRef;
import org.jspecify.annotations.Nullable;

/**
 * A person's request to file or link an issue, kept durably until GitHub has done it or refused.
 *
 * @param issue the issue number to join, for {@link IssueRequestKind#JOIN}
 * @param answerUnder the chat message the answer is posted under; for {@link
 *     IssueRequestKind#ANALYSE} none (the alert's own message, once posted)
 * @param requestedBy the member id of who asked
 * @param attempts how many times it was tried
 */
public record IssueRequest(
    long id,
    IssueRequestKind kind,
    AlertId alert,
    @Nullable Integer issue,
    @Nullable MessageRef answerUnder,
    String requestedBy,
    int attempts) {}
