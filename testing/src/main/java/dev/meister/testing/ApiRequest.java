package dev.meister.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link LoopbackApi} received, as sent: method, path (decoded and raw), raw query,
 * headers (names case-insensitive), the body as UTF-8 text and as the bytes that arrived (files).
 *
 * @param seq the order of arrival, from 0
 * @param raw the body's bytes, read-only; {@link #bytes()} copies them
 */
public record ApiRequest(
    long seq,
    String method,
    String path,
    String rawPath,
    @Nullable String query,
    Map<String, List<String>> headers,
    String body,
    ByteBuffer raw) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ApiRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = Collections.unmodifiableMap(copy);
    raw = raw.asReadOnlyBuffer();
  }

  /** A copy of the body's bytes. */
  public byte[] bytes() {
    byte[] copy = new byte[raw.remaining()];
    raw.duplicate().get(copy);
    return copy;
  }

  /** The parts of a {@code multipart/form-data} body, in order (RFC 7578). */
  public List<MultipartPart> parts() {
    return MultipartPart.parse(header("Content-Type").orElse(""), bytes());
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body parsed as JSON; an empty body is an empty object. */
  public JsonNode json() {
    try {
      return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /** {@code METHOD path?query}, for logs and assertions. */
  public String line() {
    return method + " " + rawPath + (query == null ? "" : "?" + query);
  }
}
