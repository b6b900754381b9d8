package dev.meister.core.delivery;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An outbox that passes everything on, for a test to change one answer. */
class ForwardingOutbox implements Outbox {
  private final Outbox to;

  ForwardingOutbox(Outbox to) {
    this.to = to;
  }

  @Override
  public long enqueue(PendingMessage message) {
    return to.enqueue(message);
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    return to.due(now, limit);
  }

  @Override
  public void delivered(long id, @Nullable MessageRef sent, Instant at) {
    to.delivered(id, sent, at);
  }

  @Override
  public void retryLater(long id, Instant notBefore, String error) {
    to.retryLater(id, notBefore, error);
  }

  @Override
  public void rateLimited(long id, Instant notBefore, String error) {
    to.rateLimited(id, notBefore, error);
  }

  @Override
  public void failed(long id, String error, Instant at) {
    to.failed(id, error, at);
  }

  @Override
  public void fold(long id) {
    to.fold(id);
  }

  @Override
  public long enqueueFolded(PendingMessage message) {
    return to.enqueueFolded(message);
  }

  @Override
  public List<OutboxEntry> folded(ChatRef chat, int limit) {
    return to.folded(chat, limit);
  }

  @Override
  public List<ChatRef> chatsWithFolded() {
    return to.chatsWithFolded();
  }

  @Override
  public int digestFolded(ChatRef chat, Instant at) {
    return to.digestFolded(chat, at);
  }

  @Override
  public List<RecentPosts> recentPosts(Instant since) {
    return to.recentPosts(since);
  }

  @Override
  public int pendingCount() {
    return to.pendingCount();
  }
}
