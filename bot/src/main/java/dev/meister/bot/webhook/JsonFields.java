package dev.meister.bot.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a JSON object an endpoint reads, and a parser that keeps only those.
 *
 * <p>A GitHub {@code workflow_run} is about 21 KB, mostly repository URLs nobody reads; building
 * the whole tree was the largest cost of a webhook. The body is still read to the end, so malformed
 * JSON anywhere is rejected exactly as before, but the fields outside these paths are skipped
 * without decoding their strings or allocating nodes.
 *
 * <p>A path names a field to keep with everything under it ({@code "workflow_job"}) or, with dots,
 * a field inside objects ({@code "repository.full_name"}). Where the payload has something other
 * than an object on the way to a path, that value is kept as it is, so readers see the same shape
 * (and the same errors) as with the whole tree.
 */
public final class JsonFields {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Field name to what to keep under it; an empty map keeps the whole value. */
  private final Map<String, JsonFields> children;

  private JsonFields(Map<String, JsonFields> children) {
    this.children = children;
  }

  /** The fields at {@code paths}, each dotted from the root object. */
  public static JsonFields of(Set<String> paths) {
    Map<String, JsonFields> root = new LinkedHashMap<>();
    for (String path : paths) {
      add(root, path.split("\\.", -1), 0);
    }
    return new JsonFields(root);
  }

  private static void add(Map<String, JsonFields> level, String[] names, int i) {
    String name = names[i];
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty field name in " + String.join(".", names));
    }
    JsonFields existing = level.get(name);
    if (i == names.length - 1) {
      level.put(name, new JsonFields(Map.of()));
      return;
    }
    if (existing != null && existing.children.isEmpty()) {
      return; // already kept whole
    }
    JsonFields next = existing == null ? new JsonFields(new LinkedHashMap<>()) : existing;
    level.put(name, next);
    add(next.children, names, i + 1);
  }

  /**
   * The body as a JSON object holding only these fields.
   *
   * @throws WebhookRejection 400 with the parser's reason when the body is not a JSON object
   */
  public ObjectNode parseObject(byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw WebhookRejection.badRequest("malformed JSON: empty body");
      }
      if (first != JsonToken.START_OBJECT) {
        // Not an object: let the tree parser name what it is (and any syntax error).
        return WebhookJson.parseObject(body);
      }
      ObjectNode picked = MAPPER.createObjectNode();
      readObject(parser, picked);
      // Nothing may follow the object, as WebhookJson (FAIL_ON_TRAILING_TOKENS) has it.
      if (parser.nextToken() != null) {
        throw WebhookRejection.badRequest(
            "malformed JSON: trailing content after the object (line "
                + parser.currentLocation().getLineNr()
                + ")");
      }
      return picked;
    } catch (JsonProcessingException e) {
      throw WebhookRejection.badRequest("malformed JSON: " + WebhookJson.reason(e));
    } catch (IOException e) {
      throw WebhookRejection.badRequest("unreadable body: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Reads the object the parser is at the start of, keeping the wanted fields into {@code into}.
   */
  private void readObject(JsonParser parser, ObjectNode into) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      JsonFields wanted = children.get(name);
      if (wanted == null) {
        parser.skipChildren();
      } else if (wanted.children.isEmpty() || value != JsonToken.START_OBJECT) {
        JsonNode node = MAPPER.readTree(parser);
        into.set(name, node == null ? into.nullNode() : node);
      } else {
        wanted.readObject(parser, into.putObject(name));
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalStateException("expected the end of an object, got " + token);
    }
  }
}
