package dev.meister.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who wants to hear of rows a store added, told after the adding transaction committed: never of a
 * row that was rolled back, and never before another thread can read it.
 */
final class Listeners<T> {
  private final Database db;
  private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

  Listeners(Database db) {
    this.db = db;
  }

  Subscription add(Consumer<T> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Tells every listener of {@code added} once the transaction open on this thread commits. */
  void tellAfterCommit(T added) {
    if (listeners.isEmpty()) {
      return;
    }
    db.afterCommit(() -> listeners.forEach(l -> l.accept(added)));
  }
}
