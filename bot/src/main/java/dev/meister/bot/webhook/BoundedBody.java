package dev.meister.bot.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit. Javalin 6 only compares Content-Length with {@code
 * maxRequestSize}; a chunked body has none, so the read itself must stop at the limit.
 */
final class BoundedBody {
  private BoundedBody() {}

  static byte[] read(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
    byte[] chunk = new byte[8192];
    int total = 0;
    int n;
    while ((n = in.read(chunk)) != -1) {
      total += n;
      if (total > limit) {
        throw tooLarge(limit);
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  static WebhookRejection tooLarge(int limit) {
    return new WebhookRejection(413, "body larger than " + limit + " bytes", null);
  }
}
