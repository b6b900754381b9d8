package dev.meister.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link LoopbackApi} answers: status, content type, extra headers and body. */
public record ApiAnswer(int status, String contentType, Map<String, String> headers, String body) {
  public ApiAnswer {
    headers = Map.copyOf(headers);
  }

  public static ApiAnswer json(int status, String body) {
    return new ApiAnswer(status, "application/json", Map.of(), body);
  }

  public static ApiAnswer json(int status, JsonNode body) {
    return json(status, body.toString());
  }

  public static ApiAnswer text(int status, String contentType, String body) {
    return new ApiAnswer(status, contentType, Map.of(), body);
  }

  /** This answer with one more header, e.g. {@code Retry-After} on a 429. */
  public ApiAnswer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiAnswer(status, contentType, more, body);
  }

  /** This answer with another content type. */
  public ApiAnswer as(String type) {
    return new ApiAnswer(status, type, headers, body);
  }
}
