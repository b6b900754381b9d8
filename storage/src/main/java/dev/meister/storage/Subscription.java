package dev.meister.storage;

/** A listener's registration; closing it stops the calls. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
