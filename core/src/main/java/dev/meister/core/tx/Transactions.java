package dev.meister.core.tx;

import java.util.function.Supplier;

/**
 * Port: runs work against several stores as one unit, all of it durable or none of it, e.g. an
 * alert and the chat message announcing it.
 */
@FunctionalInterface
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /** Work that answers nothing, as one unit. */
  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return Boolean.TRUE;
        });
  }
}
