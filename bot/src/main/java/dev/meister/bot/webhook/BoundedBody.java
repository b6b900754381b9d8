package dev.meister.bot.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a limit. Javalin 6 only compares Content-Length with {@code
 * maxRequestSize}; a chunked body has none, so the read itself must stop at the limit.
 */
final class BoundedBody {
  private BoundedBody() {}

  static byte[] read(InputStream in, int limit) throws IOException {
    return read(in, limit, -1);
  }

  /**
   * @param declared the declared Content-Length, -1 when there is none. With one, the body is read
   *     into an array of exactly that size: webhooks come at thousands a second, and growing a 64
   *     KiB buffer and copying it out was a third of what each one allocated.
   */
  static byte[] read(InputStream in, int limit, long declared) throws IOException {
    if (declared < 0 || declared > limit) {
      return readRest(new ByteArrayOutputStream(8192), in, limit);
    }
    // readNBytes(int) would gather 8 KiB chunks and copy them into a third array: twice the body.
    byte[] body = new byte[(int) declared];
    int read = in.readNBytes(body, 0, body.length);
    if (read < body.length) {
      return Arrays.copyOf(body, read);
    }
    // The server ends the stream at Content-Length; should one go on, read the rest the slow way.
    int more = in.read();
    if (more == -1) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 8192);
    out.write(body);
    out.write(more);
    return readRest(out, in, limit);
  }

  private static byte[] readRest(ByteArrayOutputStream out, InputStream in, int limit)
      throws IOException {
    byte[] chunk = new byte[8192];
    int total = out.size();
    if (total > limit) {
      throw tooLarge(limit);
    }
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
