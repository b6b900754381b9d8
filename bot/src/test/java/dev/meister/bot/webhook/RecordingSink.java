package dev.meister.bot.webhook;

import dev.meister.core.alert.Intake;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.RunEventSink;
import dev.meister.core.chat.AlertId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sink that records what it is given, numbers failures like storage would, reports a repeated
 * delivery key as a duplicate, and can be told to fail.
 */
public final class RecordingSink implements RunEventSink {
  private final List<RunEvent> events = new ArrayList<>();
  private final Map<String, AlertId> seen = new HashMap<>();
  private @Nullable RuntimeException failure;
  private long nextId = 41;

  @Override
  public synchronized Intake accept(RunEvent event) {
    RuntimeException toThrow = failure;
    if (toThrow != null) {
      throw toThrow;
    }
    events.add(event);
    AlertId earlier = seen.get(event.deliveryKey());
    if (earlier != null) {
      return new Intake(earlier, true);
    }
    if (event.outcome() == Outcome.SUCCEEDED) {
      return new Intake(null, false);
    }
    AlertId id = new AlertId(++nextId);
    seen.put(event.deliveryKey(), id);
    return new Intake(id, false);
  }

  public synchronized void failWith(RuntimeException e) {
    failure = e;
  }

  public synchronized List<RunEvent> events() {
    return List.copyOf(events);
  }

  public synchronized RunEvent onlyEvent() {
    if (events.size() != 1) {
      throw new AssertionError("expected one event, got " + events);
    }
    return events.get(0);
  }
}
