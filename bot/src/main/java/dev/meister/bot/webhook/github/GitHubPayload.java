package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.webhook.IsoInstants;
import dev.meister.bot.webhook.WebhookJson;
import dev.meister.bot.webhook.WebhookRejection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading fields of a GitHub payload, naming the path of what is missing or malformed. */
final class GitHubPayload {
  private final JsonNode root;

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

  /** A whole number, absent when missing. */
  Optional<Long> number(String... path) {
    Optional<String> value = text(path);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get().strip()));
    } catch (NumberFormatException e) {
      throw WebhookRejection.invalidField(String.join(".", path), "must be a whole number");
    }
  }

  long requiredNumber(String... path) {
    return number(path).orElseThrow(() -> WebhookRejection.missingField(String.join(".", path)));
  }

  /** A whole number that fits an {@code int}, absent when missing. */
  @Nullable Integer integer(String... path) {
    Optional<Long> value = number(path);
    if (value.isPresent() && value.get() != value.get().intValue()) {
      throw WebhookRejection.invalidField(String.join(".", path), "is out of range");
    }
    return value.map(Long::intValue).orElse(null);
  }

  static Optional<String> firstLine(Optional<String> text) {
    return text.map(t -> t.lines().findFirst().orElse("").strip()).filter(t -> !t.isEmpty());
  }
}
