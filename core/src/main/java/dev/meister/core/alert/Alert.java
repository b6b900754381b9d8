package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure reported by a pipeline, as stored: what broke, which route and rotation it went to and
 * how urgent it is.
 *
 * @param id storage identity; {@code null} until stored
 * @param dedupKey unique per delivery (e.g. {@code github:<X-GitHub-Delivery>}) so a repeated
 *     delivery is recognised
 * @param fingerprint groups failures with the same root cause
 * @param rotation the rotation it was routed to; {@code null} when no route matched
 * @param route the name of the route it matched, stored with it so a later edit of the routes'
 *     criteria does not move it; {@code null} when none matched
 * @param title one line, e.g. {@code Build fail - cmamp fast (1234)}
 * @param receivedAt when Meister got it, which decides who is on call
 * @param occurredAt when the pipeline says the failure happened
 * @param priority its level on the team's scale and who it tags, decided when it came in
 * @param origin the run or task that failed
 */
public record Alert(
    @Nullable AlertId id,
    String dedupKey,
    String fingerprint,
    @Nullable RotationId rotation,
    @Nullable String route,
    AlertPriority priority,
    String title,
    Instant receivedAt,
    Instant occurredAt,
    AlertOrigin origin) {

  public Alert {
    Checks.notBlank(dedupKey, "dedupKey");
    Checks.notBlank(fingerprint, "fingerprint");
    Checks.notBlank(title, "title");
  }

  public AlertSource source() {
    return origin.source();
  }

  /** The GitHub run that failed; empty for an Airflow task. */
  public Optional<GitHubRun> gitHubRun() {
    return origin instanceof GitHubRun run ? Optional.of(run) : Optional.empty();
  }

  /** The Airflow task that failed; empty for a GitHub run. */
  public Optional<AirflowTask> airflowTask() {
    return origin instanceof AirflowTask task ? Optional.of(task) : Optional.empty();
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

  /** The name of the route it came by; empty when it matched none. */
  public Optional<String> routeName() {
    return Optional.ofNullable(route);
  }

  /**
   * This alert as received at {@code at}, keeping the time the pipeline reported as {@link
   * #occurredAt}: who is on call is decided by when Meister got it, not by when the run ended (a
   * webhook may be redelivered hours later).
   */
  public Alert receivedAt(Instant at) {
    // Milliseconds, as stored: a re-rendered message then sees exactly the same instant.
    return new Alert(
        id,
        dedupKey,
        fingerprint,
        rotation,
        route,
        priority,
        title,
        at.truncatedTo(ChronoUnit.MILLIS),
        occurredAt,
        origin);
  }

  /** This alert as routed by the route named {@code name}. */
  public Alert withRoute(String name) {
    return new Alert(
        id,
        dedupKey,
        fingerprint,
        rotation,
        Checks.notBlank(name, "route"),
        priority,
        title,
        receivedAt,
        occurredAt,
        origin);
  }

  public Alert withId(AlertId newId) {
    return new Alert(
        newId,
        dedupKey,
        fingerprint,
        rotation,
        route,
        priority,
        title,
        receivedAt,
        occurredAt,
        origin);
  }
}
