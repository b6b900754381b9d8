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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
  private final List<Long> toFold = new ArrayList<>();
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
    toFold.add(entry.id());
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
    List<Long> ids = List.copyOf(toFold);
    toFold.clear();
    transactions.inTransaction(() -> {
      ids.forEach(outbox::fold);
      return ids.size();
    });
  }

  /** Queues one digest per chat whose folded alerts may now be announced; returns how many. */
  int release() {
    flushFolds();
    Map<ChatRef, List<OutboxEntry>> byChat = new LinkedHashMap<>();
    for (OutboxEntry e : outbox.folded(1000)) {
      byChat.computeIfAbsent(e.message().chat(), c -> new ArrayList<>()).add(e);
    }
    int released = 0;
    for (Map.Entry<ChatRef, List<OutboxEntry>> chat : byChat.entrySet()) {
      if (guard.canPostDigest(chat.getKey())) {
        List<OutboxEntry> entries = chat.getValue().subList(0,
            Math.min(MAX_PER_DIGEST, chat.getValue().size()));
        queueDigest(chat.getKey(), entries);
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
