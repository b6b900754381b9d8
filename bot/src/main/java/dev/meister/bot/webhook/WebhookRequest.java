package dev.meister.bot.webhook;

import java.util.Locale;
import java.util.Map;
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
    TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    this.headers = byName;
    this.mediaType = mediaType.toLowerCase(Locale.ROOT);
    this.body = body.clone();
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
}
