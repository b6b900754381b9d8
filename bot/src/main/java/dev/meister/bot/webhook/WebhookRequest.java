package dev.meister.bot.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One webhook request as the server read it: headers, the media type without parameters, and the
 * raw body bytes (signatures are computed over these, so nothing may re-encode them).
 */
public final class WebhookRequest {
  private final Map<String, String> headers;
  private final String mediaType;
  private final byte[] body;

  public WebhookRequest(Map<String, String> headers, String mediaType, byte[] body) {
    this(byName(headers), mediaType, body.clone());
  }

  private WebhookRequest(NavigableMap<String, String> byName, String mediaType, byte[] owned) {
    this.headers = byName;
    this.mediaType = mediaType.toLowerCase(Locale.ROOT);
    this.body = owned;
  }

  /** A request over {@code body} as read, without the copy: the server hands over its array. */
  static WebhookRequest owning(Map<String, String> headers, String mediaType, byte[] body) {
    return new WebhookRequest(byName(headers), mediaType, body);
  }

  private static NavigableMap<String, String> byName(Map<String, String> headers) {
    TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    return byName;
  }

  /** The header's value, looked up case-insensitively; absent when missing or blank. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** {@code application/json}, {@code application/x-www-form-urlencoded}, ... in lower case. */
  public String mediaType() {
    return mediaType;
  }

  /** A copy of the raw body. */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The raw body, read-only and without a copy: for the hot path (a signature and a parse over a 21
   * KB workflow_run), where {@link #body()}'s two copies were a fifth of what a webhook allocated.
   */
  public ByteBuffer bodyView() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }

  /**
   * The body as a JSON object holding only {@code fields}, parsed straight from the array read (a
   * read-only view has no array to give the parser, which then copied it through a stream).
   *
   * @throws WebhookRejection 400 with the parser's reason when the body is not a JSON object
   */
  public ObjectNode parseBody(JsonFields fields) {
    return fields.parseObject(body);
  }
}
