package dev.meister.core.action;

import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Recorded;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.OverrideId;
import dev.meister.core.schedule.OverrideStore;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Swap;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.team.MemberId;
import dev.meister.core.tx.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The in-memory stores the action scenarios run on. */
final class Fixtures {
  private Fixtures() {}

  /** Work runs as it is; these stores have nothing to roll back. */
  static final Transactions DIRECT =
      new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return work.get();
        }
      };

  static final class Alerts implements AlertStore {
    private final Map<AlertId, Alert> alerts = new LinkedHashMap<>();
    private final Map<AlertId, Acknowledgement> acks = new HashMap<>();
    private long next = 1;

    @Override
    public Recorded record(Alert alert) {
      Alert stored = alert.withId(new AlertId(next++));
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
      java.util.Collections.reverse(all);
      return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public Acknowledgement acknowledge(Acknowledgement ack) {
      return acks.computeIfAbsent(ack.alert(), id -> ack);
    }

    @Override
    public Optional<Acknowledgement> acknowledgement(AlertId alert) {
      return Optional.ofNullable(acks.get(alert));
    }
  }

  static final class Links implements MessageLinkStore {
    private final Map<MessageRef, AlertId> links = new LinkedHashMap<>();
    private final Map<MessageRef, AlertId> answers = new LinkedHashMap<>();

    @Override
    public void link(MessageRef message, AlertId alert) {
      links.put(message, alert);
    }

    @Override
    public Optional<AlertId> alertFor(MessageRef message) {
      return Optional.ofNullable(links.get(message));
    }

    @Override
    public List<MessageRef> messagesFor(AlertId alert) {
      return links.entrySet().stream()
          .filter(e -> e.getValue().equals(alert))
          .map(Map.Entry::getKey)
          .toList();
    }

    @Override
    public void linkAnswer(MessageRef message, AlertId alert) {
      answers.put(message, alert);
    }

    @Override
    public Optional<AlertId> alertAnsweredBy(MessageRef message) {
      return Optional.ofNullable(answers.get(message));
    }

    /** These scenarios have no mirror chats. */
    @Override
    public void linkMirror(MessageRef message, AlertId alert) {
      throw new UnsupportedOperationException("no mirror chats here");
    }

    @Override
    public List<MessageRef> mirrorsFor(AlertId alert) {
      return List.of();
    }
  }

  /** No override, swap or absence: the directory is only asked about rotations here. */
  static final class NoOverrides implements OverrideStore {
    @Override
    public ScheduleOverride add(ScheduleOverride override) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Swap add(Swap swap) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Unavailability add(Unavailability unavailability) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(OverrideId id) {
      return false;
    }

    @Override
    public Optional<ScheduleOverride> findOverride(OverrideId id) {
      return Optional.empty();
    }

    @Override
    public List<ScheduleOverride> overrides(RotationId rotation, Instant from) {
      return List.of();
    }

    @Override
    public List<Swap> swaps(RotationId rotation) {
      return List.of();
    }

    @Override
    public List<Unavailability> unavailability(MemberId member) {
      return List.of();
    }

    @Override
    public List<Unavailability> allUnavailability() {
      return List.of();
    }
  }
}
