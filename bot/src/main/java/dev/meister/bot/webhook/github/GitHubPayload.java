package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.webhook.IsoInstants;
import dev.meister.bot.webhook.WebhookJson;
import dev.meister.bot.webhook.WebhookRejection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading fields of a GitHub payload into attributes, naming the path of what is missing. */
final class GitHubPayload {
  private final JsonNode root;
  private final Map<String, String> attributes = new LinkedHashMap<>();

  GitHubPayload(JsonNode root) {
    this.root = root;
  }

  Optional<String> text(String... path) {
    return WebhookJson.text(root, path);
  }

  String required(String... path) {
    return text(path).orElseThrow(() -> WebhookRejection.missingField(String.join(".", path)));
  }

  Instant instant(String... path) {
    String value = required(path);
    try {
      return IsoInstants.parse(value);
    } catch (DateTimeParseException e) {
      throw WebhookRejection.invalidField(String.join(".", path), "is not an ISO-8601 instant");
    }
  }

  GitHubPayload put(String attribute, Optional<String> value) {
    value.ifPresent(v -> attributes.put(attribute, v));
    return this;
  }

  GitHubPayload put(String attribute, String value) {
    attributes.put(attribute, value);
    return this;
  }

  Map<String, String> attributes() {
    return attributes;
  }

  static Optional<String> firstLine(Optional<String> text) {
    return text.map(t -> t.lines().findFirst().orElse("").strip()).filter(t -> !t.isEmpty());
  }
}
