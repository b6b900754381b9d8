package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: action requests and their audit trail, durable on return. Every change of state is a
 * compare-and-set ({@link #move}), so two presses of one button, or a press racing the expiry, move
 * a request once.
 */
public interface ActionStore {
  /** Stores a new request; returns it with its id. */
  ActionRequest add(ActionRequest request);

  Optional<ActionRequest> find(long id);

  /**
   * Saves {@code next} (its state and what came with it: preview, approver, result, error,
   * attempts, next try) if the request is still in {@code from}.
   *
   * @return false, changing nothing, when it was no longer in {@code from}
   */
  boolean move(ActionState from, ActionRequest next);

  /** Requests the worker has to do something about (preview or execute), due by {@code now}. */
  List<ActionRequest> due(Instant now, int limit);

  /** Requests in {@code state}, oldest first; to find what a crash left under way. */
  List<ActionRequest> inState(ActionState state);

  /** Requests still waiting for a person whose time ran out by {@code now}, oldest first. */
  List<ActionRequest> expired(Instant now, int limit);

  /** When the next waiting request expires. */
  Optional<Instant> nextExpiry();

  /** Every request made on {@code alert}, oldest first. */
  List<ActionRequest> forAlert(AlertId alert);

  /** Records one audit line. */
  void audit(AuditEntry entry);

  /** The latest {@code limit} audit lines, newest first. */
  List<AuditEntry> latestAudit(int limit);

  /** Every audit line, oldest first. */
  List<AuditEntry> allAudit();
}
