package dev.meister.bot.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** Parsing webhook bodies into JSON trees, with one-line reasons for the sender when they fail. */
public final class WebhookJson {
  /**
   * Trailing content after the object is malformed JSON, as {@link JsonFields} (the picked-fields
   * parser) has it: readTree alone stopped at the first value, so {@code {...} org} passed here and
   * failed there (found by GitHubWebhookFuzzTest).
   */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private WebhookJson() {}

  /**
   * The body as a JSON object.
   *
   * @throws WebhookRejection 400 with Jackson's reason (first line, no stack) when it is not one
   */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw WebhookRejection.badRequest("malformed JSON: " + reason(e));
    } catch (IOException e) {
      throw WebhookRejection.badRequest("unreadable body: " + e.getClass().getSimpleName());
    }
    if (tree == null || tree.isMissingNode()) {
      throw WebhookRejection.badRequest("malformed JSON: empty body");
    }
    if (!tree.isObject()) {
      String kind = tree.getNodeType().name().toLowerCase(Locale.ROOT);
      throw WebhookRejection.badRequest("JSON body must be an object, not " + kind);
    }
    return (ObjectNode) tree;
  }

  /** The text at a path of object fields, absent when missing, null or blank. */
  public static Optional<String> text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current.path(name);
    }
    if (current.isMissingNode() || current.isNull() || current.isContainerNode()) {
      return Optional.empty();
    }
    String value = current.asText();
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  static String reason(JsonProcessingException e) {
    String message = firstLine(e.getOriginalMessage());
    JsonLocation where = e.getLocation();
    return where == null
        ? message
        : message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
