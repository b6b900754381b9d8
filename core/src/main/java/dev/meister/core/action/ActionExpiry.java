package dev.meister.core.action;

import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Instant;
import java.util.Optional;

/**
 * Expires requests nobody confirmed or approved in time ({@code expire_after}), on the timekeeper's
 * clock: each is recorded as expired and its requester told, in one transaction.
 */
public final class ActionExpiry implements DueWork {
  private final ActionStore store;
  private final Outbox outbox;
  private final Transactions transactions;
  private final ActionMessages messages;

  public ActionExpiry(
      ActionStore store, Outbox outbox, Transactions transactions, ActionMessages messages) {
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.messages = messages;
  }

  @Override
  public String name() {
    return "action-expiry";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    for (ActionRequest r : store.expired(now, 50)) {
      transactions.inTransaction(() -> expire(r, store, outbox, messages, now));
    }
    return store.nextExpiry();
  }

  /** Expires {@code r} unless it moved meanwhile; in the caller's transaction. */
  static boolean expire(
      ActionRequest r, ActionStore store, Outbox outbox, ActionMessages messages, Instant now) {
    if (!store.move(r.state(), r.in(ActionState.EXPIRED))) {
      return false;
    }
    store.audit(AuditEntry.of(r, AuditEvent.EXPIRED, Optional.empty(), now, r.state().name()));
    outbox.enqueue(PendingMessage.answer(r.answerUnder(), messages.expired(r), r.alert()));
    return true;
  }
}
