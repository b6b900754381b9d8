package dev.meister.core.alert;

/**
 * Port: takes pipeline events from the webhook edge. Implementations route, store and queue the
 * chat message; when {@link #accept} returns, the event is durable, so the webhook may answer 2xx.
 */
@FunctionalInterface
public interface RunEventSink {
  Intake accept(RunEvent event);
}
