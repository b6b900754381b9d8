package dev.meister.bot.delivery;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertId;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alerting.AlertMessages;
import dev.meister.core.alerting.StormGuard;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.oncall.OnCallDirectory;
import dev.meister.core.rotation.Rotation;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a chat within its platform's pace during an alert storm (Telegram allows about 20 messages
 * a minute in a group): alert posts over the pace are folded, and each chat's folded alerts are
 * announced together in one digest when the pace allows. Nothing is dropped and nothing stalls;
 * folded alerts stay stored and can be taken with {@code /ack ID}.
 */
public final class StormDigests {
  private static final int MAX_PER_DIGEST = 50;

  private final StormGuard guard;
  private final Outbox outbox;
  private final AlertStore alerts;
  private final AlertMessages messages;
  private final OnCallDirectory directory;
  private final Transactions transactions;
  /** Folded during the current round, written together by {@link #flushFolds()}. */
  private final List<OutboxEntry> toFold = new ArrayList<>();
  /**
   * Chats with folded alerts not yet announced; read from the outbox on the first release after
   * a start, then kept here, so a round reads folded entries only for a chat whose digest is due
   * rather than the whole storm's backlog every time.
   */
  private @Nullable Set<ChatRef> foldedChats;
  private final Clock clock;

  public StormDigests(StormGuard guard, Outbox outbox, AlertStore alerts, AlertMessages messages,
      OnCallDirectory directory, Transactions transactions, Clock clock) {
    this.guard = guard;
    this.outbox = outbox;
    this.alerts = alerts;
    this.messages = messages;
    this.directory = directory;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Whether this entry may be sent now; an alert post over the pace is folded instead. */
  boolean admit(OutboxEntry entry) {
    PendingMessage m = entry.message();
    boolean alertPost = m.alert() != null && m.target() == null;
    if (!alertPost || guard.tryPost(m.chat())) {
      return true;
    }
    toFold.add(entry);
    return false;
  }

  /**
   * Writes this round's folds in one transaction. In a storm nearly every entry of a round is
   * folded; a commit (an fsync) for each would make the worker the slowest part of the intake.
   */
  void flushFolds() {
    if (toFold.isEmpty()) {
      return;
    }
    List<OutboxEntry> entries = List.copyOf(toFold);
    toFold.clear();
    transactions.inTransaction(() -> {
      entries.forEach(e -> outbox.fold(e.id()));
      return entries.size();
    });
    Set<ChatRef> chats = foldedChats;
    if (chats != null) {
      entries.forEach(e -> chats.add(e.message().chat()));
    }
  }

  /** Queues one digest per chat whose folded alerts may now be announced; returns how many. */
  int release() {
    flushFolds();
    Set<ChatRef> chats = foldedChats;
    if (chats == null) {
      chats = new LinkedHashSet<>(outbox.chatsWithFolded());
      foldedChats = chats;
    }
    int released = 0;
    for (ChatRef chat : List.copyOf(chats)) {
      if (!guard.canPostDigest(chat)) {
        continue;
      }
      // One more than a digest holds tells whether the chat still has folded alerts after it.
      List<OutboxEntry> entries = outbox.folded(chat, MAX_PER_DIGEST + 1);
      if (entries.size() <= MAX_PER_DIGEST) {
        chats.remove(chat);
      }
      if (!entries.isEmpty()) {
        queueDigest(chat, entries.subList(0, Math.min(MAX_PER_DIGEST, entries.size())));
        released++;
      }
    }
    return released;
  }

  private void queueDigest(ChatRef chat, List<OutboxEntry> entries) {
    List<Alert> folded = new ArrayList<>();
    for (OutboxEntry e : entries) {
      AlertId id = java.util.Objects.requireNonNull(e.message().alert());
      alerts.find(id).ifPresent(folded::add);
    }
    List<Long> ids = entries.stream().map(OutboxEntry::id).toList();
    transactions.inTransaction(() -> {
      outbox.enqueue(PendingMessage.post(chat, messages.digest(folded, rotations(folded)), null));
      outbox.digested(ids, clock.instant());
      return ids.size();
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
