package dev.meister.bot.webhook;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fuzz input read as an HTTP request without its request line: header lines ({@code Name:
 * value}), a blank line, then the raw body. An input without a blank line is all body, so a
 * verbatim payload fixture is a seed as it is; the fuzz targets then fill in working headers.
 *
 * @param headers as given, in order; a line without a colon is skipped
 */
public record RawRequest(Map<String, String> headers, byte[] body, boolean headersGiven) {

  public static RawRequest parse(byte[] input) {
    int split = indexOf(input, "\n\n".getBytes(StandardCharsets.US_ASCII));
    int skip = 2;
    int crlf = indexOf(input, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (crlf >= 0 && (split < 0 || crlf < split)) {
      split = crlf;
      skip = 4;
    }
    if (split < 0) {
      return new RawRequest(new LinkedHashMap<>(), input, false);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    // ISO-8859-1 as servlet containers decode header bytes: every byte is a character.
    String head = new String(input, 0, split, StandardCharsets.ISO_8859_1);
    for (String line : head.split("\r?\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    byte[] body = new byte[input.length - split - skip];
    System.arraycopy(input, split + skip, body, 0, body.length);
    return new RawRequest(headers, body, true);
  }

  /** The header's value, looked up case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The header unless the input names it, in which case the input's value stays. */
  public RawRequest withDefault(String name, String value) {
    if (header(name).isPresent()) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RawRequest(more, body, headersGiven);
  }

  /** The request with this header set, replacing any of the same name. */
  public RawRequest with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    more.put(name, value);
    return new RawRequest(more, body, headersGiven);
  }

  /**
   * What the server's gate and the endpoint make of this request: a verdict, or the {@link
   * WebhookRejection} they throw. The declared length is the body's, as a client sending it would.
   */
  public Verdict through(WebhookEndpoint endpoint) {
    WebhookRequest request =
        WebhookServer.read(
            endpoint,
            body.length,
            header("Content-Type").orElse(null),
            new ByteArrayInputStream(body),
            headers);
    String label = endpoint.deliveryLabel(request);
    if (label.isEmpty()) {
      throw new AssertionError("an empty delivery label");
    }
    return endpoint.handle(request);
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
