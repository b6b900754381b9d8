package dev.meister.bot.webhook;

/**
 * One webhook route, e.g. {@code POST /hooks/github}: authenticates a request and translates it
 * into a {@link Verdict}. The server has already enforced the size limit and {@link #accepts} the
 * media type; the endpoint must authenticate before it parses, and throws {@link WebhookRejection}
 * to refuse.
 */
public interface WebhookEndpoint {

  /** The route path, e.g. {@code /hooks/github}. */
  String path();

  /** Whether the endpoint reads bodies of this media type (lower case, no parameters). */
  default boolean accepts(String mediaType) {
    return mediaType.equals("application/json");
  }

  /** What identifies this delivery in logs before it is parsed; never a secret. */
  String deliveryLabel(WebhookRequest request);

  Verdict handle(WebhookRequest request);
}
