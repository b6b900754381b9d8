package dev.meister.core.question;

import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.RotationId;
import java.time.Instant;
import java.util.Optional;

/**
 * A question someone asked in chat, tracked until it is closed.
 *
 * @param asked the message with the question, where the bot's answer and {@code /done} go
 * @param askedBy the asker as the chat shows them (clients are usually not team members)
 * @param text the question, cut to {@link Questions#EXCERPT} characters
 * @param closed who closed it and when; empty while it is open
 */
public record Question(
    long id,
    RotationId rotation,
    MessageRef asked,
    String askedBy,
    String text,
    Instant askedAt,
    Optional<Closure> closed) {

  public boolean isOpen() {
    return closed.isEmpty();
  }

  /** How a question was closed: by a member's {@code /done} or its button. */
  public record Closure(String closedBy, Instant at) {}
}
