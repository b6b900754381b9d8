package dev.meister.core.action;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.delivery.RecentPosts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An outbox that only keeps what was queued, in order: what the chat would be sent. */
final class RecordingOutbox implements Outbox {
  private final List<PendingMessage> queued = new ArrayList<>();

  @Override
  public synchronized long enqueue(PendingMessage message) {
    queued.add(message);
    return queued.size();
  }

  synchronized List<PendingMessage> queued() {
    return List.copyOf(queued);
  }

  /** The plain text of everything queued, in order. */
  synchronized List<String> texts() {
    return queued.stream().map(m -> m.message().text().plainText()).toList();
  }

  synchronized void clear() {
    queued.clear();
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    return List.of();
  }

  @Override
  public void delivered(long id, @Nullable MessageRef sent, Instant at) {}

  @Override
  public void retryLater(long id, Instant notBefore, String error) {}

  @Override
  public void rateLimited(long id, Instant notBefore, String error) {}

  @Override
  public void failed(long id, String error, Instant at) {}

  @Override
  public void fold(long id) {}

  @Override
  public List<OutboxEntry> folded(ChatRef chat, int limit) {
    return List.of();
  }

  @Override
  public List<ChatRef> chatsWithFolded() {
    return List.of();
  }

  @Override
  public int digestFolded(ChatRef chat, Instant at) {
    return 0;
  }

  @Override
  public List<RecentPosts> recentPosts(Instant since) {
    return List.of();
  }

  @Override
  public int pendingCount() {
    return queued.size();
  }
}
