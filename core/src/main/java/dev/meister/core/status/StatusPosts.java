package dev.meister.core.status;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily status posts: posts a board to its chats once a day, then, while the run goes on, edits
 * those same messages whenever a poll finds the stages changed. Stops at the end of the run or the
 * plan's deadline. Everything goes through the outbox, so a chat outage delays but loses nothing;
 * Airflow being down shows in the post and the next poll recovers.
 */
public final class StatusPosts {
  private final Map<String, StatusPlan> plans = new LinkedHashMap<>();
  private final StatusReader reader;
  private final StatusPostStore store;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  /** The last report read per board, shown under a warning while Airflow cannot be read. */
  private final Map<String, StatusReport> lastKnown = new HashMap<>();

  public StatusPosts(
      List<StatusPlan> plans,
      StatusReader reader,
      StatusPostStore store,
      Outbox outbox,
      Transactions transactions,
      Clock clock) {
    for (StatusPlan plan : plans) {
      this.plans.put(plan.board().name(), plan);
    }
    this.reader = reader;
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  public List<StatusPlan> plans() {
    return List.copyOf(plans.values());
  }

  /**
   * Posts today's status of {@code board} to each of its chats that has no post for today yet (a
   * second trigger on the same day, e.g. after a restart, posts nothing new).
   *
   * @return how many posts were queued
   */
  public synchronized int publish(String board) {
    StatusPlan plan = plans.get(board);
    if (plan == null) {
      throw new IllegalArgumentException("no status post named '" + board + "'");
    }
    Instant now = clock.instant();
    LocalDate day = now.atZone(plan.board().zone()).toLocalDate();
    List<ChatRef> missing =
        plan.chats().stream().filter(chat -> store.find(board, day, chat).isEmpty()).toList();
    if (missing.isEmpty()) {
      return 0;
    }
    StatusSnapshot snapshot = read(plan.board());
    RichText text = render(snapshot);
    Instant stopAt = now.plus(plan.stopAfter());
    transactions.inTransaction(
        () -> {
          for (ChatRef chat : missing) {
            long id = outbox.enqueue(PendingMessage.post(chat, OutgoingMessage.of(text), null));
            store.create(
                new StatusPost(
                    board,
                    day,
                    chat,
                    id,
                    null,
                    text.plainText(),
                    stopAt,
                    now,
                    isOver(snapshot, day)));
          }
        });
    return missing.size();
  }

  /**
   * Polls every followed post whose poll is due, and edits those whose stages changed. One read of
   * Airflow per board serves all its chats.
   *
   * @return how many edits were queued
   */
  public synchronized int pollDue() {
    Instant now = clock.instant();
    Map<StatusBoard, List<StatusPost>> due = new LinkedHashMap<>();
    for (StatusPost post : store.active()) {
      StatusPlan plan = plans.get(post.board());
      if (plan == null || post.isExpired(now)) {
        // Removed from the configuration, or followed long enough: leave the message as it is.
        store.update(post.polled(now, post.text(), true));
      } else if (post.isPollDue(now, plan.pollEvery())) {
        due.computeIfAbsent(plan.board(), b -> new ArrayList<>()).add(post);
      }
    }
    int edits = 0;
    for (Map.Entry<StatusBoard, List<StatusPost>> entry : due.entrySet()) {
      edits += refresh(entry.getKey(), entry.getValue(), now);
    }
    return edits;
  }

  private int refresh(StatusBoard board, List<StatusPost> posts, Instant now) {
    StatusSnapshot snapshot = read(board);
    RichText text = render(snapshot);
    String plain = text.plainText();
    return transactions.inTransaction(
        () -> {
          int edits = 0;
          for (StatusPost post : posts) {
            Optional<MessageRef> message = post.message();
            boolean changed = !plain.equals(post.text());
            if (changed && message.isEmpty()) {
              // The post is still on its way (chat outage): edit once the chat has it.
              store.update(post.polled(now, post.text(), false));
              continue;
            }
            if (changed) {
              outbox.enqueue(PendingMessage.edit(message.get(), OutgoingMessage.of(text), null));
              edits++;
            }
            store.update(post.polled(now, plain, isOver(snapshot, post.day())));
          }
          return edits;
        });
  }

  /**
   * Whether the day's post can stop following: its run is final and ended on the post's day. A run
   * that ended before that day is yesterday's, shown while today's has not begun; following goes on
   * so the post switches to today's run when it appears.
   */
  private static boolean isOver(StatusSnapshot snapshot, LocalDate day) {
    StatusReport report = snapshot.report();
    if (report == null || !report.isFinal()) {
      return false;
    }
    Instant end = report.run().endDate();
    return end == null || !end.atZone(report.board().zone()).toLocalDate().isBefore(day);
  }

  private StatusSnapshot read(StatusBoard board) {
    StatusSnapshot snapshot = reader.read(board);
    snapshot.reportIfAny().ifPresent(r -> lastKnown.put(board.name(), r));
    return snapshot;
  }

  private RichText render(StatusSnapshot snapshot) {
    return StatusMessages.render(snapshot, lastKnown.get(snapshot.board().name()));
  }
}
