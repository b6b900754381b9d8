package dev.meister.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.WebhookRejection;
import dev.meister.bot.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's HTTP mode: slash commands, interactivity (button presses) and the Events API all POST to
 * {@code /hooks/slack}. The signature is checked on the raw bytes before anything is parsed; then
 * Bolt routes the request and its acknowledgement is the answer.
 */
final class SlackWebhook implements WebhookEndpoint {
  static final String PATH = "/hooks/slack";
  static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  static final String SIGNATURE = "X-Slack-Signature";
  private static final List<String> PASSED_ON =
      List.of(TIMESTAMP, SIGNATURE, "Content-Type", "X-Slack-Retry-Num", "X-Slack-Retry-Reason");

  private final SlackSignature signature;
  private final App app;
  private final SlackRequestParser parser;

  SlackWebhook(SlackSignature signature, App app) {
    this.signature = signature;
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public boolean accepts(String mediaType) {
    return mediaType.equals("application/x-www-form-urlencoded")
        || mediaType.equals("application/json");
  }

  @Override
  public String deliveryLabel(WebhookRequest request) {
    return request.header(TIMESTAMP).orElse("-");
  }

  @Override
  public Verdict handle(WebhookRequest request) {
    byte[] body = request.body();
    Optional<String> problem =
        signature.problem(request.header(TIMESTAMP), request.header(SIGNATURE), body);
    if (problem.isPresent()) {
      throw WebhookRejection.unauthorized(problem.get());
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : PASSED_ON) {
      request.header(name).ifPresent(v -> headers.put(name, List.of(v)));
    }
    Request<?> boltRequest;
    try {
      boltRequest =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(PATH)
                  .queryString(Map.of())
                  .headers(new RequestHeaders(headers))
                  .requestBody(new String(body, StandardCharsets.UTF_8))
                  .remoteAddress("")
                  .build());
    } catch (RuntimeException e) {
      // Bolt's Gson throws JsonSyntaxException on a malformed payload (found by
      // SlackRequestFuzzTest): the sender's mistake, a 400, not a 500.
      throw WebhookRejection.badRequest("malformed Slack payload: " + e.getClass().getSimpleName());
    }
    if (boltRequest == null) {
      throw WebhookRejection.badRequest("not a Slack request Meister understands");
    }
    Response response;
    try {
      response = app.run(boltRequest);
    } catch (Exception e) {
      if (malformed(e)) {
        // An Events API body is only read into Gson objects here, after the parse above: a value
        // of the wrong type ("event_time": N1764…, found by -Pfuzz) is the sender's 400 too.
        throw WebhookRejection.badRequest(
            "malformed Slack payload: " + e.getClass().getSimpleName());
      }
      throw new IllegalStateException("Slack request failed in Bolt", e);
    }
    String contentType =
        response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
    return Verdict.respond(
        status, contentType, response.getBody() == null ? "" : response.getBody());
  }

  private static boolean malformed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.google.gson.JsonParseException) {
        return true;
      }
    }
    return false;
  }
}
