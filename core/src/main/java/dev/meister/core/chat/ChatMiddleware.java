package dev.meister.core.chat;

/**
 * One step every inbound chat event passes on its way to its handler: it may answer the event
 * itself and stop, or pass it (perhaps enriched) to {@code next}.
 */
@FunctionalInterface
public interface ChatMiddleware {
  void handle(Inbound inbound, Next next);

  /** The rest of the chain. */
  @FunctionalInterface
  interface Next {
    void handle(Inbound inbound);
  }
}
