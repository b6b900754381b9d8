package dev.meister.bot.webhook;

import dev.meister.core.alert.RunEvent;

/**
 * What an endpoint decided about an authenticated, well-formed request. Rejections are thrown as
 * {@link WebhookRejection} instead, so an endpoint cannot hand the sink a half-checked event.
 */
public sealed interface Verdict
    permits Verdict.Deliver, Verdict.Ignore, Verdict.Pong, Verdict.Handled, Verdict.Respond {

  /** Hand the event to the sink; the server answers from its {@code Intake}. */
  record Deliver(RunEvent event) implements Verdict {}

  /**
   * Nothing to do for this request (an event type or conclusion we don't alert on): 202 with {@code
   * {"ignored": what, "reason": reason}}, so the sender sees it arrived and stops retrying.
   */
  record Ignore(String what, String reason) implements Verdict {}

  /** A liveness ping from the sender (GitHub's {@code ping} event): 200 {@code {"ok":true}}. */
  record Pong() implements Verdict {}

  /**
   * The endpoint did its work itself (a chat update handed to the chat pipeline): 200 {@code
   * {"ok":true}}.
   */
  record Handled(String what) implements Verdict {}

  /**
   * The endpoint answers with its own body, e.g. Slack's acknowledgement of a slash command, whose
   * body Slack shows to the person who typed it.
   */
  record Respond(int status, String contentType, String body) implements Verdict {}

  static Verdict respond(int status, String contentType, String body) {
    return new Respond(status, contentType, body);
  }

  static Verdict deliver(RunEvent event) {
    return new Deliver(event);
  }

  static Verdict ignore(String what, String reason) {
    return new Ignore(what, reason);
  }

  static Verdict handled(String what) {
    return new Handled(what);
  }

  static Verdict pong() {
    return new Pong();
  }
}
