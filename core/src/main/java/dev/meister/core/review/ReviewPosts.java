package dev.meister.core.review;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.flaky.FlakyTest;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
  private final Optional<FlakyTests> flaky;
  private final Map<RotationId, Double> flakyRates;
  private final Clock clock;

  /** How far back a flaky test counts for the review: one seen flaky lately. */
  static final Duration FLAKY_LOOK_BACK = Duration.ofDays(30);

  public ReviewPosts(
      IssueReviews reviews,
      OnCallDirectory directory,
      Map<RotationId, ChatRef> chats,
      Outbox outbox,
      Transactions transactions) {
    this(
        reviews,
        directory,
        chats,
        outbox,
        transactions,
        Optional.empty(),
        Map.of(),
        Clock.systemUTC());
  }

  /**
   * @param flaky the flaky tests
   * @param flakyRates per rotation whose review lists them: the failure rate (a share between 0 and
   *     1) beyond which a test seen flaky in the last 30 days is listed
   */
  public ReviewPosts(
      IssueReviews reviews,
      OnCallDirectory directory,
      Map<RotationId, ChatRef> chats,
      Outbox outbox,
      Transactions transactions,
      Optional<FlakyTests> flaky,
      Map<RotationId, Double> flakyRates,
      Clock clock) {
    this.flaky = flaky;
    this.flakyRates = Map.copyOf(flakyRates);
    this.clock = clock;
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
    RichText.Builder builder =
        RichText.builder()
            .emoji("memo")
            .text(" Weekly review: update the issues solved or partly solved since.")
            .newline()
            .append(ReviewMessages.render(review));
    Double rate = flakyRates.get(rotation);
    if (rate != null && flaky.isPresent()) {
      flakyBeyond(builder, rate, flaky.get().beyond(rate, clock.instant().minus(FLAKY_LOOK_BACK)));
    }
    RichText text = builder.build();
    transactions.inTransaction(
        () -> outbox.enqueue(PendingMessage.post(chat.get(), OutgoingMessage.of(text), null)));
    log.info("issue review of {}: {} open issues posted", rotation, review.issues().size());
    return true;
  }

  /**
   * The flaky tests failing more often than the rotation tolerates: a re-run hides them each time,
   * so only the review brings them up for fixing (or, with whoever is responsible, disabling).
   */
  static void flakyBeyond(RichText.Builder text, double rate, List<FlakyTest> tests) {
    if (tests.isEmpty()) {
      return;
    }
    String limit = Math.round(rate * 100) + "%";
    text.newline()
        .text(
            EmojiNames.unicode("game_die")
                + " Flaky beyond "
                + limit
                + " ("
                + tests.size()
                + (tests.size() == 1 ? " test" : " tests")
                + "), each passed on re-run:");
    for (FlakyTest t : tests) {
      text.newline()
          .text("• ")
          .code(t.test())
          .text(
              " ("
                  + t.repo()
                  + "): "
                  + t.rate().text()
                  + " ("
                  + t.rate().percent()
                  + "), passed on re-run "
                  + (t.passes() == 1 ? "once" : t.passes() + " times"));
    }
  }
}
