package dev.meister.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertOrigin;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.AlertSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code attributes} column of an alert holds: {@code {"origin": {...}, "route": ...,
 * "occurred_at": ..., "priority": {"level": "P4", "highest": true, "tags": ["role:team_lead"]}}},
 * the origin as {@link AlertOriginCodec} writes it.
 *
 * <p>Rows of earlier versions hold a flat object of strings instead, with the route and the time
 * the pipeline reported among them (as {@code route} and {@code occurred_at}); they are read as
 * they are, so no migration rewrites them. Rows without a {@code priority} object predate levels:
 * their {@code priority} column (HIGH or NORMAL) says what they were.
 */
final class AlertDocumentCodec {
  private static final String ORIGIN = "origin";
  private static final String ROUTE = "route";
  private static final String OCCURRED_AT = "occurred_at";
  private static final String PRIORITY = "priority";

  private AlertDocumentCodec() {}

  /** The stored facts of an alert besides its columns. */
  record Document(
      AlertOrigin origin,
      @Nullable String route,
      Instant occurredAt,
      Optional<AlertPriority> priority) {}

  static String write(Alert alert) throws SQLException {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeFieldName(ORIGIN);
          AlertOriginCodec.write(g, alert.origin());
          if (alert.routeName().isPresent()) {
            g.writeStringField(ROUTE, alert.routeName().get());
          }
          g.writeStringField(OCCURRED_AT, alert.occurredAt().toString());
          g.writeFieldName(PRIORITY);
          AlertPriorityCodec.write(g, alert.priority());
          g.writeEndObject();
        },
        "an alert");
  }

  /** The origin of a run as JSON, for the run history. */
  static String write(AlertOrigin origin) throws SQLException {
    return AlertOriginCodec.write(origin);
  }

  /**
   * @param source the row's source, which says an earlier version's row's kind
   * @param receivedAt the row's receipt time, the pipeline's time for a row that has none
   */
  static Document read(String json, AlertSource source, Instant receivedAt) throws SQLException {
    JsonNode doc;
    try {
      doc = AlertOriginCodec.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored alert attributes are not valid JSON", e);
    }
    if (doc == null || !doc.isObject()) {
      throw new SQLException("stored alert attributes are not a JSON object");
    }
    AlertOrigin origin =
        doc.path(ORIGIN).isObject()
            ? AlertOriginCodec.read(doc.get(ORIGIN))
            : AlertOriginCodec.readLegacy(source, doc);
    String route = doc.path(ROUTE).isTextual() ? doc.get(ROUTE).asText() : null;
    Optional<AlertPriority> priority =
        doc.path(PRIORITY).isObject()
            ? Optional.of(AlertPriorityCodec.read(doc.get(PRIORITY)))
            : Optional.empty();
    return new Document(
        origin,
        route == null || route.isBlank() ? null : route,
        occurredAt(doc, receivedAt),
        priority);
  }

  private static Instant occurredAt(JsonNode doc, Instant receivedAt) {
    JsonNode at = doc.path(OCCURRED_AT);
    if (!at.isTextual()) {
      return receivedAt;
    }
    try {
      return Instant.parse(at.asText());
    } catch (DateTimeParseException e) {
      // An earlier version's row in another shape: its receipt time is the best left.
      return receivedAt;
    }
  }
}
