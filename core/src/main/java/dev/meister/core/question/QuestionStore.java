package dev.meister.core.question;

import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.RotationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the questions asked in chat, open and closed. */
public interface QuestionStore {
  /**
   * Starts tracking {@code question}; empty when its message is tracked already (a repeated
   * delivery of the same chat update, or a second {@code /triage} of one message).
   */
  Optional<Long> open(NewQuestion question);

  /** Notes the outbox entry of the bot's "noted" answer, so replies to that answer find it. */
  void answeredBy(long question, long outboxEntry);

  Optional<Question> find(long id);

  /**
   * The question {@code message} is, or that the bot's answer {@code message} is about, or whose
   * thread {@code message} roots (a Slack thread's parent is the question itself).
   */
  Optional<Question> forMessage(MessageRef message);

  /** Closes an open question; false when it was closed already. */
  boolean close(long id, String closedBy, Instant at);

  /** The rotation's open questions, oldest first. */
  List<Question> openFor(RotationId rotation);
}
