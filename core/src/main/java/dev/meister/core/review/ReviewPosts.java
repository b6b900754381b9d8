package dev.meister.core.review;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.tx.Transactions;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a rotation's open issues to its chat on schedule: seed 002's "Regularly check issues that
 * belong to the Epic", done for the on-call as the weekly "BUILD - Breaks" review.
 */
public final class ReviewPosts {
  private static final Logger log = LoggerFactory.getLogger(ReviewPosts.class);

  private final IssueReviews reviews;
  private final OnCallDirectory directory;
  private final Map<RotationId, ChatRef> chats;
  private final Outbox outbox;
  private final Transactions transactions;

  public ReviewPosts(
      IssueReviews reviews,
      OnCallDirectory directory,
      Map<RotationId, ChatRef> chats,
      Outbox outbox,
      Transactions transactions) {
    this.reviews = reviews;
    this.directory = directory;
    this.chats = Map.copyOf(chats);
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /**
   * Queues the review of {@code rotation} for its chat; false when it has no chat (or is unknown),
   * which the configuration check already reports.
   */
  public boolean post(RotationId rotation) {
    Optional<Rotation> r = directory.find(rotation);
    Optional<ChatRef> chat = Optional.ofNullable(chats.get(rotation));
    if (r.isEmpty() || chat.isEmpty()) {
      log.warn("issue review of {}: no such rotation or no chat to post to", rotation);
      return false;
    }
    // GitHub is asked before the transaction, which then only queues the post.
    IssueReview review = reviews.review(r.get());
    RichText text =
        RichText.builder()
            .emoji("memo")
            .text(" Weekly review: update the issues solved or partly solved since.")
            .newline()
            .append(ReviewMessages.render(review))
            .build();
    transactions.inTransaction(
        () -> outbox.enqueue(PendingMessage.post(chat.get(), OutgoingMessage.of(text), null)));
    log.info("issue review of {}: {} open issues posted", rotation, review.issues().size());
    return true;
  }
}
