package dev.meister.core.chat;

import java.util.Map;

/**
 * Sends each button press to the handler of its action (hand-off buttons, schedule-change
 * answers, ...); replies and presses of other actions go to {@code fallback} (acknowledgements).
 */
public final class EventsByAction implements ChatEventHandler {
  private final Map<String, ChatEventHandler> byAction;
  private final ChatEventHandler fallback;

  public EventsByAction(Map<String, ChatEventHandler> byAction, ChatEventHandler fallback) {
    this.byAction = Map.copyOf(byAction);
    this.fallback = fallback;
  }

  @Override
  public void handle(ChatEvent event) {
    if (event instanceof ChatEvent.ButtonPress press) {
      ChatEventHandler h = byAction.get(press.action());
      if (h != null) {
        h.handle(press);
        return;
      }
    }
    fallback.handle(event);
  }
}
