package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
import dev.meister.core.timing.DueWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silences in force: those set from chat and the configured maintenance windows. A configured
 * window's occurrence is stored the first time it is looked at while active (by the intake of an
 * alert or by the timer), so it gets a number like any other silence, shows in {@code /silences},
 * can be lifted and is summarised once.
 */
public final class Silences {
  private static final Logger log = LoggerFactory.getLogger(Silences.class);

  private final List<MaintenanceWindow> windows;
  private final SilenceStore store;

  public Silences(List<MaintenanceWindow> windows, SilenceStore store) {
    this.windows = List.copyOf(windows);
    this.store = store;
  }

  /** Without configured windows: only silences set from chat. */
  public static Silences of(SilenceStore store) {
    return new Silences(List.of(), store);
  }

  public SilenceStore store() {
    return store;
  }

  /**
   * The silence that catches {@code alert} at {@code now}, if any: the oldest active one whose
   * match fits (a high-priority alert only by a silence that includes high priority). Runs in the
   * caller's transaction, which then records the catch with {@link #caught}.
   */
  public Optional<Silence> catching(Alert alert, Instant now) {
    List<Silence> active = active(now);
    for (Silence s : active) {
      if (s.silences(alert)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Records that {@code silence} caught the stored {@code alert}. */
  public void caught(Alert alert, Silence silence) {
    store.caught(alert.storedId(), silence.id(), silence.quiet());
    log.info(
        "alert #{} silenced by {}{}",
        alert.id(),
        silence.label(),
        silence.quiet() ? ", quiet" : "");
  }

  /** Every silence active at {@code now}, configured windows included, oldest first. */
  public List<Silence> active(Instant now) {
    materialise(now);
    return store.activeAt(now);
  }

  /** Stores the occurrence of each configured window active at {@code now}, once. */
  void materialise(Instant now) {
    for (MaintenanceWindow w : windows) {
      Optional<MaintenanceWindow.Occurrence> o = w.activeAt(now);
      if (o.isPresent()) {
        Silence s = store.window(w.draft(o.get()));
        if (s.endedAt().isEmpty() && s.from().equals(now)) {
          log.info("maintenance window {} ({}) starts", s.label(), w.describe());
        }
      }
    }
  }

  /**
   * When the next thing about silences falls due after {@code now}: an active silence ends or a
   * configured window opens. (A silence set from chat starts when it is set.)
   */
  Optional<Instant> nextChange(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Silence s : store.activeAt(now)) {
      next = DueWork.earliest(next, Optional.of(s.endsAt()));
    }
    for (MaintenanceWindow w : windows) {
      next = DueWork.earliest(next, w.nextStartAfter(now));
    }
    return next;
  }
}
