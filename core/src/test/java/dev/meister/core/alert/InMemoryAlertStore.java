package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AlertStore} in a map, keeping milliseconds of instants as the SQL store does. */
final class InMemoryAlertStore implements AlertStore {
  private final Map<AlertId, Alert> alerts = new LinkedHashMap<>();
  private final Map<AlertId, Acknowledgement> acks = new HashMap<>();
  private long nextId = 1;

  @Override
  public Recorded record(Alert alert) {
    Optional<Alert> existing = findByDedupKey(alert.dedupKey());
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    Alert stored = alert.withId(new AlertId(nextId++));
    alerts.put(stored.storedId(), stored);
    return new Recorded(stored, true);
  }

  @Override
  public Optional<Alert> find(AlertId id) {
    return Optional.ofNullable(alerts.get(id));
  }

  @Override
  public Optional<Alert> findByDedupKey(String dedupKey) {
    return alerts.values().stream().filter(a -> a.dedupKey().equals(dedupKey)).findFirst();
  }

  @Override
  public List<Alert> recent(int limit) {
    List<Alert> all = new ArrayList<>(alerts.values());
    all.sort(Comparator.comparing((Alert a) -> a.storedId().value()).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  @Override
  public Acknowledgement acknowledge(Acknowledgement ack) {
    Acknowledgement stored =
        new Acknowledgement(
            ack.alert(),
            ack.member(),
            java.time.Instant.ofEpochMilli(ack.at().toEpochMilli()),
            ack.channel());
    return acks.computeIfAbsent(ack.alert(), id -> stored);
  }

  @Override
  public Optional<Acknowledgement> acknowledgement(AlertId alert) {
    return Optional.ofNullable(acks.get(alert));
  }
}
