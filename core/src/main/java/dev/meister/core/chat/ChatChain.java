package dev.meister.core.chat;

import java.util.List;

/** Middlewares in order, then the handler at the end: what every adapter delivers events to. */
public final class ChatChain implements ChatEventHandler {
  private final List<ChatMiddleware> middlewares;
  private final ChatMiddleware.Next end;

  public ChatChain(List<ChatMiddleware> middlewares, ChatMiddleware.Next end) {
    this.middlewares = List.copyOf(middlewares);
    this.end = end;
  }

  @Override
  public void handle(ChatEvent event) {
    step(0, Inbound.of(event));
  }

  private void step(int index, Inbound inbound) {
    if (index == middlewares.size()) {
      end.handle(inbound);
    } else {
      middlewares.get(index).handle(inbound, next -> step(index + 1, next));
    }
  }
}
