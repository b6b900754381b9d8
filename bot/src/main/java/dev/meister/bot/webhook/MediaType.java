package dev.meister.bot.webhook;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The media type of a Content-Type header, for the 415 check. */
final class MediaType {
  private MediaType() {}

  /**
   * {@code application/json} from {@code Application/JSON; charset=utf-8}.
   *
   * @throws WebhookRejection 415 when the header is missing or names a charset other than UTF-8
   *     (JSON is UTF-8 by definition, RFC 8259)
   */
  static String of(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw unsupported("missing Content-Type, expected application/json");
    }
    String[] parts = contentType.split(";", -1);
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    for (int i = 1; i < parts.length; i++) {
      charset(parts[i])
          .filter(c -> !c.equals("utf-8") && !c.equals("utf8") && !c.equals("us-ascii"))
          .ifPresent(
              c -> {
                throw unsupported("unsupported charset " + c + ", expected utf-8");
              });
    }
    return type;
  }

  static WebhookRejection unsupported(String error) {
    return new WebhookRejection(415, error, null);
  }

  private static Optional<String> charset(String parameter) {
    String[] pair = parameter.split("=", 2);
    if (pair.length != 2 || !pair[0].strip().equalsIgnoreCase("charset")) {
      return Optional.empty();
    }
    return Optional.of(pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT));
  }
}
