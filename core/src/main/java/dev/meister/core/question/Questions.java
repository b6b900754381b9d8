package dev.meister.core.question;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.MentionHandler;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Sender;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.review.OpenQuestions;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.tx.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the questions asked in chat (seed 001, "support our clients"). A question is recorded in
 * the transaction that queues the bot's "noted" answer tagging the on-call, so it is never tracked
 * without an answer nor answered twice: a repeated delivery of the same message finds it tracked.
 */
public final class Questions implements MentionHandler, OpenQuestions {
  private static final Logger log = LoggerFactory.getLogger(Questions.class);

  /** Characters of a question kept for the lists; the chat keeps the whole message. */
  public static final int EXCERPT = 200;

  private final HelpChannels channels;
  private final OnCallDirectory directory;
  private final Team team;
  private final QuestionStore store;
  private final Outbox outbox;
  private final Transactions transactions;

  public Questions(
      HelpChannels channels,
      OnCallDirectory directory,
      Team team,
      QuestionStore store,
      Outbox outbox,
      Transactions transactions) {
    this.channels = channels;
    this.directory = directory;
    this.team = team;
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  public HelpChannels channels() {
    return channels;
  }

  /** A message mentioning the bot: a question when it is in a help channel, else nothing. */
  @Override
  public void mentioned(ChatEvent.Mention mention, Optional<Member> member) {
    Optional<Rotation> rotation = channels.rotationOf(mention.chat()).flatMap(directory::find);
    if (rotation.isEmpty()) {
      log.debug("a mention in {}, which is no help channel: not a question", mention.chat());
      return;
    }
    track(rotation.get(), mention.message(), mention.sender(), mention.text(), Optional.empty());
  }

  /**
   * Starts tracking the question in {@code asked} and queues the answer tagging the rotation's
   * on-call, in one transaction.
   *
   * @return the question it already is, when {@code asked} is tracked already
   */
  public Optional<Question> track(
      Rotation rotation,
      MessageRef asked,
      Sender author,
      String text,
      Optional<MemberId> triagedBy) {
    Instant now = directory.now();
    NewQuestion question =
        new NewQuestion(rotation.id(), asked, author.displayName(), excerpt(text), now, triagedBy);
    return transactions.inTransaction(
        () -> {
          Optional<Long> id = store.open(question);
          if (id.isEmpty()) {
            return store.forMessage(asked);
          }
          Member onCall = onCall(rotation, now);
          long entry =
              outbox.enqueue(
                  PendingMessage.reply(
                      asked, QuestionMessages.noted(id.get(), rotation, onCall), null));
          store.answeredBy(id.get(), entry);
          log.info(
              "question Q{} in {} for {}: {} tagged",
              id.get(),
              asked.chat(),
              rotation.id(),
              onCall.id());
          return Optional.<Question>empty();
        });
  }

  /**
   * Closes {@code question} for {@code by}, answering under the question in the same transaction.
   */
  public Closing close(long question, Member by) {
    Instant now = directory.now();
    return transactions.inTransaction(
        () -> {
          Question q =
              store
                  .find(question)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException("There is no question Q" + question + "."));
          if (!q.isOpen() || !store.close(q.id(), by.displayName(), now)) {
            return new Closing(
                false, QuestionMessages.alreadyClosed(store.find(question).orElse(q), now));
          }
          outbox.enqueue(
              PendingMessage.reply(q.asked(), QuestionMessages.closed(q, by, now), null));
          log.info("question Q{} closed by {}", q.id(), by.id());
          return new Closing(true, "Closed Q" + q.id() + ".");
        });
  }

  /**
   * How closing went.
   *
   * @param closed true when this call closed it (the chat hears it under the question)
   * @param answer a short line for the closer: "Closed Q7." or who closed it before
   */
  public record Closing(boolean closed, String answer) {}

  /** Answers {@code under} with one line, queued like every answer. */
  void say(MessageRef under, String text) {
    transactions.inTransaction(
        () -> outbox.enqueue(PendingMessage.reply(under, OutgoingMessage.plain(text), null)));
  }

  /** The question {@code message} is, or the bot's answer to, or the thread of. */
  public Optional<Question> about(MessageRef message) {
    return store.forMessage(message);
  }

  @Override
  public RichText render(RotationId rotation, Instant now) {
    List<Question> open = store.openFor(rotation);
    return QuestionMessages.openList(open, now);
  }

  private Member onCall(Rotation rotation, Instant now) {
    MemberId primary = directory.resolver(rotation, now).onCallAt(now).primary().member();
    return team.get(primary);
  }

  /** One line of at most {@link #EXCERPT} characters. */
  static String excerpt(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
  }
}
