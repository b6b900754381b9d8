package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.delivery.HeldMessages;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.delivery.RecentPosts;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keeps a chat within its platform's pace during an alert storm (Telegram allows about 20 messages
 * a minute in a group): alert posts over the pace are folded, and each chat's folded alerts are
 * announced together in one digest when the pace allows. Nothing is dropped and nothing stalls;
 * folded alerts stay stored and can be taken with {@code /ack ID}.
 *
 * <p>The intake asks {@link #admit} for each new alert post inside the transaction that stores it,
 * so a folded post is folded in the same commit and the delivery worker never reads it: in a storm
 * of thousands a second, deciding at delivery would cost a read and a commit per round.
 */
public final class StormDigests implements HeldMessages {
  /** A digest counts every folded alert of its chat and lists the oldest of them. */
  private static final int LISTED_PER_DIGEST = 20;

  private final StormGuard guard;
  private final Outbox outbox;
  private final AlertStore alerts;
  private final AlertMessages messages;
  private final OnCallDirectory directory;
  private final Transactions transactions;

  /**
   * Chats that have had folded alerts since the start (read from the outbox at the start, then
   * added to as alerts are folded), so a round reads folded entries only of a chat whose digest is
   * due rather than the whole storm's backlog. Never shrinks: a fold may still be uncommitted when
   * a digest finds the chat empty, and a few chats cost one indexed read a minute each.
   */
  private final Set<ChatRef> foldedChats = ConcurrentHashMap.newKeySet();

  private final Clock clock;

  /** Other instances fold too (a shared database): what they folded is read from the outbox. */
  private final boolean shared;

  private Instant nextLook = Instant.MIN;

  public StormDigests(
      StormGuard guard,
      Outbox outbox,
      AlertStore alerts,
      AlertMessages messages,
      OnCallDirectory directory,
      Transactions transactions,
      Clock clock) {
    this(guard, outbox, alerts, messages, directory, transactions, clock, false);
  }

  /**
   * @param shared several instances take webhooks on this database: each fold on any of them and
   *     each digest of an earlier leader is looked for in the outbox, at most once a second
   */
  public StormDigests(
      StormGuard guard,
      Outbox outbox,
      AlertStore alerts,
      AlertMessages messages,
      OnCallDirectory directory,
      Transactions transactions,
      Clock clock,
      boolean shared) {
    this.shared = shared;
    this.guard = guard;
    this.outbox = outbox;
    this.alerts = alerts;
    this.messages = messages;
    this.directory = directory;
    this.transactions = transactions;
    this.clock = clock;
    look();
  }

  /**
   * Reads which chats have folded alerts and when each chat last had posts and a digest. The pace
   * is kept in memory for the intake's sake (no read per webhook) and seeded here from the outbox,
   * so a restart in a storm neither grants a fresh burst nor an early digest.
   */
  private void look() {
    // In one transaction, taken before the guard's lock as the intake takes them (the intake asks
    // the guard inside its transaction), so a shared pace's reads cannot deadlock with it.
    transactions.inTransaction(
        () -> {
          foldedChats.addAll(outbox.chatsWithFolded());
          for (RecentPosts recent : outbox.recentPosts(clock.instant().minus(guard.memory()))) {
            guard.resume(recent.chat(), recent.alertPosts(), recent.lastDigest());
          }
        });
  }

  /**
   * Whether a new alert post to {@code chat} may go out on its own; false when the chat is over its
   * pace, and the caller must {@link Outbox#fold fold} the post in the transaction that queues it.
   */
  public boolean admit(ChatRef chat) {
    if (guard.tryPost(chat)) {
      return true;
    }
    foldedChats.add(chat);
    return false;
  }

  /** Queues one digest per chat whose folded alerts may now be announced; returns how many. */
  @Override
  public int release() {
    Instant now = clock.instant();
    if (shared && !now.isBefore(nextLook)) {
      // Folds committed by the other instances' intakes, and the last digests of a leader before
      // this one, are in the outbox only.
      look();
      nextLook = now.plusSeconds(1);
    }
    int released = 0;
    for (ChatRef chat : List.copyOf(foldedChats)) {
      // Only a digest actually queued counts: a chat once folded stays in foldedChats, and a round
      // that found it empty a minute after its last digest used to take its turn, so the folds of
      // a second wave waited up to a minute longer than the pace asks.
      if (guard.digestDue(chat) && queueDigest(chat)) {
        released++;
      }
    }
    return released;
  }

  /**
   * Lists, counts and marks the chat's folded alerts in the one transaction that queues their
   * digest; false when it has none. Listed before it, folds the intake committed in between would
   * be counted but not listed, and the digest would list fewer than the oldest 20 it holds.
   */
  private boolean queueDigest(ChatRef chat) {
    return transactions.inTransaction(
        () -> {
          List<OutboxEntry> listed = outbox.folded(chat, LISTED_PER_DIGEST);
          if (listed.isEmpty()) {
            return false;
          }
          guard.digestQueued(chat);
          List<Alert> folded = new ArrayList<>();
          for (OutboxEntry e : listed) {
            AlertId id = Objects.requireNonNull(e.message().alert());
            alerts.find(id).ifPresent(folded::add);
          }
          int total = outbox.digestFolded(chat, clock.instant());
          outbox.enqueue(
              PendingMessage.post(
                  chat,
                  messages.digest(folded, Math.max(total, folded.size()), rotations(folded)),
                  null));
          return true;
        });
  }

  private String rotations(List<Alert> folded) {
    Set<String> names = new LinkedHashSet<>();
    for (Alert a : folded) {
      Optional<Rotation> r = a.routedRotation().flatMap(directory::find);
      names.add(r.map(Rotation::displayName).orElse("unrouted"));
    }
    return names.stream().collect(Collectors.joining(", ")) + " routes";
  }
}
