package dev.meister.bot.webhook;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request the edge refuses, with the HTTP status and the one-line error the sender sees as {@code
 * {"error": ..., "field": ...}}. The message must never contain a secret or token.
 */
public final class WebhookRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final @Nullable String field;

  public WebhookRejection(int status, String error, @Nullable String field) {
    super(error, null, false, false);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  public static WebhookRejection unauthorized(String error) {
    return new WebhookRejection(401, error, null);
  }

  public static WebhookRejection badRequest(String error) {
    return new WebhookRejection(400, error, null);
  }

  /** 400 {@code {"error":"missing field 'task_id'","field":"task_id"}}. */
  public static WebhookRejection missingField(String field) {
    return new WebhookRejection(400, "missing field '" + field + "'", field);
  }

  /** 400 naming a field whose value cannot be used. */
  public static WebhookRejection invalidField(String field, String problem) {
    return new WebhookRejection(400, "field '" + field + "' " + problem, field);
  }

  /** The one-line reason the sender sees. */
  public String error() {
    return error;
  }

  public int status() {
    return status;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
