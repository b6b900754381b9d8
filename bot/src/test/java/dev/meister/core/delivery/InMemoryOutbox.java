package dev.meister.core.delivery;

import dev.meister.core.chat.MessageRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An outbox in memory, with the same contract as the SQLite one, for worker tests. */
final class InMemoryOutbox implements Outbox {
  record Row(OutboxEntry entry, String state, @Nullable MessageRef sent, @Nullable String error) {}

  private final Map<Long, Row> rows = new LinkedHashMap<>();
  private long next = 1;

  /** How many times {@link #due} was asked: a delivery round each. */
  final java.util.concurrent.atomic.AtomicInteger rounds =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public synchronized long enqueue(PendingMessage message) {
    long id = next++;
    rows.put(id, new Row(new OutboxEntry(id, message, 0, 0, Instant.EPOCH), "pending", null, null));
    return id;
  }

  @Override
  public synchronized List<OutboxEntry> due(Instant now, int limit) {
    rounds.incrementAndGet();
    List<OutboxEntry> due = new ArrayList<>();
    java.util.Set<dev.meister.core.chat.ChatRef> waiting = new java.util.HashSet<>();
    for (Row r : rows.values()) {
      if (!r.state.equals("pending")) {
        continue;
      }
      boolean blocked = waiting.contains(r.entry.message().chat());
      if (r.entry.notBefore().isAfter(now)) {
        waiting.add(r.entry.message().chat());
      } else if (!blocked && due.size() < limit) {
        due.add(r.entry);
      }
    }
    return due;
  }

  @Override
  public synchronized void delivered(long id, @Nullable MessageRef sent, Instant at) {
    Row r = row(id);
    rows.put(id, new Row(r.entry, "delivered", sent, null));
  }

  @Override
  public synchronized void retryLater(long id, Instant notBefore, String error) {
    reschedule(id, notBefore, error, 1);
  }

  @Override
  public synchronized void rateLimited(long id, Instant notBefore, String error) {
    reschedule(id, notBefore, error, 0);
  }

  private void reschedule(long id, Instant notBefore, String error, int failure) {
    OutboxEntry e = row(id).entry;
    rows.put(
        id,
        new Row(
            new OutboxEntry(id, e.message(), e.attempts() + 1, e.failures() + failure, notBefore),
            "pending",
            null,
            error));
  }

  @Override
  public synchronized void failed(long id, String error, Instant at) {
    Row r = row(id);
    rows.put(id, new Row(r.entry, "failed", null, error));
  }

  @Override
  public synchronized void fold(long id) {
    Row r = row(id);
    rows.put(id, new Row(r.entry, "folded", null, null));
  }

  private List<OutboxEntry> allFolded(int limit) {
    return rows.values().stream()
        .filter(r -> r.state.equals("folded"))
        .map(Row::entry)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<OutboxEntry> folded(dev.meister.core.chat.ChatRef chat, int limit) {
    return allFolded(Integer.MAX_VALUE).stream()
        .filter(e -> e.message().chat().equals(chat))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<dev.meister.core.chat.ChatRef> chatsWithFolded() {
    return allFolded(Integer.MAX_VALUE).stream().map(e -> e.message().chat()).distinct().toList();
  }

  @Override
  public synchronized int digestFolded(dev.meister.core.chat.ChatRef chat, Instant at) {
    List<OutboxEntry> folded = folded(chat, Integer.MAX_VALUE);
    for (OutboxEntry e : folded) {
      rows.put(e.id(), new Row(e, "digested", null, null));
    }
    return folded.size();
  }

  /** Nothing to resume: this outbox does not outlive the worker it serves. */
  @Override
  public List<RecentPosts> recentPosts(Instant since) {
    return List.of();
  }

  @Override
  public synchronized int pendingCount() {
    return (int) rows.values().stream().filter(r -> r.state.equals("pending")).count();
  }

  synchronized Row row(long id) {
    Row r = rows.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no outbox entry " + id);
    }
    return r;
  }
}
