package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A failure reported by a pipeline, as stored: what broke, which rotation it was routed to and how
 * urgent it is.
 *
 * @param id storage identity; {@code null} until stored
 * @param dedupKey unique per delivery (e.g. {@code github:<X-GitHub-Delivery>}) so a repeated
 *     delivery is recognised
 * @param fingerprint groups failures with the same root cause
 * @param rotation the rotation it was routed to; {@code null} when no route matched
 * @param title one line, e.g. {@code Build fail - cmamp fast (1234)}
 * @param attributes source-specific fields (repo, branch, run_url, dag_id, task_id, ...)
 */
public record Alert(
    @Nullable AlertId id,
    AlertSource source,
    String dedupKey,
    String fingerprint,
    @Nullable RotationId rotation,
    Priority priority,
    String title,
    Instant receivedAt,
    Map<String, String> attributes) {

  public Alert {
    Checks.notBlank(dedupKey, "dedupKey");
    Checks.notBlank(fingerprint, "fingerprint");
    Checks.notBlank(title, "title");
    attributes = Map.copyOf(new TreeMap<>(attributes));
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The id of an alert read from storage; an alert not yet stored has none. */
  public AlertId storedId() {
    if (id == null) {
      throw new IllegalStateException("alert " + dedupKey + " is not stored yet");
    }
    return id;
  }

  public Optional<RotationId> routedRotation() {
    return Optional.ofNullable(rotation);
  }

  /**
   * This alert as received at {@code at}, keeping the time the pipeline reported as the {@code
   * occurred_at} attribute: who is on call is decided by when Meister got it, not by when the run
   * ended (a webhook may be redelivered hours later).
   */
  public Alert receivedAt(Instant at) {
    java.util.Map<String, String> attrs = new TreeMap<>(attributes);
    attrs.putIfAbsent(AlertAttributes.OCCURRED_AT, receivedAt.toString());
    // Milliseconds, as stored: a re-rendered message then sees exactly the same instant.
    return new Alert(id, source, dedupKey, fingerprint, rotation, priority, title,
        at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), attrs);
  }

  /** This alert with one more attribute (or {@code name} replaced). */
  public Alert withAttribute(String name, String value) {
    java.util.Map<String, String> attrs = new TreeMap<>(attributes);
    attrs.put(name, value);
    return new Alert(id, source, dedupKey, fingerprint, rotation, priority, title, receivedAt,
        attrs);
  }

  public Alert withId(AlertId newId) {
    return new Alert(
        newId, source, dedupKey, fingerprint, rotation, priority, title, receivedAt, attributes);
  }
}
