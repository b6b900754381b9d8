package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ActionStore} in maps; instants kept to the millisecond, as the SQL store does. */
final class InMemoryActionStore implements ActionStore {
  private final Map<Long, ActionRequest> requests = new LinkedHashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private long next = 1;

  @Override
  public synchronized ActionRequest add(ActionRequest request) {
    ActionRequest stored = request.withId(next++);
    requests.put(stored.id(), stored);
    return stored;
  }

  @Override
  public synchronized Optional<ActionRequest> find(long id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public synchronized boolean move(ActionState from, ActionRequest next) {
    ActionRequest now = requests.get(next.id());
    if (now == null || now.state() != from) {
      return false;
    }
    requests.put(next.id(), next);
    return true;
  }

  @Override
  public synchronized List<ActionRequest> due(Instant now, int limit) {
    return requests.values().stream()
        .filter(r -> r.state() == ActionState.REQUESTED || r.state() == ActionState.APPROVED)
        .filter(r -> !r.notBefore().isAfter(now))
        .sorted(Comparator.comparing(ActionRequest::notBefore).thenComparing(ActionRequest::id))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<ActionRequest> inState(ActionState state) {
    return requests.values().stream().filter(r -> r.state() == state).toList();
  }

  @Override
  public synchronized List<ActionRequest> expired(Instant now, int limit) {
    return requests.values().stream()
        .filter(r -> r.state().expires() && !r.expiresAt().isAfter(now))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<Instant> nextExpiry() {
    return requests.values().stream()
        .filter(r -> r.state().expires())
        .map(ActionRequest::expiresAt)
        .min(Comparator.naturalOrder());
  }

  @Override
  public synchronized List<ActionRequest> forAlert(AlertId alert) {
    return requests.values().stream().filter(r -> r.alert().equals(alert)).toList();
  }

  @Override
  public synchronized void audit(AuditEntry entry) {
    audit.add(entry);
  }

  @Override
  public synchronized List<AuditEntry> latestAudit(int limit) {
    List<AuditEntry> newest = new ArrayList<>(audit);
    java.util.Collections.reverse(newest);
    return newest.subList(0, Math.min(limit, newest.size()));
  }

  @Override
  public synchronized List<AuditEntry> allAudit() {
    return List.copyOf(audit);
  }
}
