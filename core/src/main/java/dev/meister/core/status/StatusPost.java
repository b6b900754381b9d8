package dev.meister.core.status;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A day's status post in one chat, remembered so that every poll (and a restart) edits the same
 * message.
 *
 * @param outboxId the queued post; its delivered message is the one to edit
 * @param messageId the chat's id of the delivered post; null until the post has gone out
 * @param text the plain text last queued, so an unchanged poll edits nothing
 * @param stopAt when to stop following the run even if it has not ended
 * @param polledAt the last poll; null before the first
 * @param finished no further edits: the run ended and its last state was queued, or time ran out
 */
public record StatusPost(
    String board,
    LocalDate day,
    ChatRef chat,
    long outboxId,
    @Nullable String messageId,
    String text,
    Instant stopAt,
    @Nullable Instant polledAt,
    boolean finished) {

  public StatusPost {
    Checks.notBlank(board, "board");
  }

  /** The delivered message, once the chat has it. */
  public Optional<MessageRef> message() {
    return messageId == null ? Optional.empty() : Optional.of(new MessageRef(chat, messageId));
  }

  /** Whether the next poll is due at {@code now} when polling every {@code every}. */
  public boolean isPollDue(Instant now, Duration every) {
    return polledAt == null || !now.isBefore(polledAt.plus(every));
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(stopAt);
  }

  public StatusPost polled(Instant at, String newText, boolean done) {
    return new StatusPost(board, day, chat, outboxId, messageId, newText, stopAt, at, done);
  }
}
