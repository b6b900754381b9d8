package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.JsonFields;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.WebhookRejection;
import dev.meister.bot.webhook.WebhookRequest;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code POST /hooks/github}: GitHub Actions failures from a repository or organization webhook.
 *
 * <p>The signature is checked over the raw body before anything is parsed. {@code ping} answers
 * 200; a completed {@code workflow_run} becomes a pipeline event; every other event is ignored with
 * 202. The hook may be configured with content type {@code application/json} or {@code
 * application/x-www-form-urlencoded} (the JSON then sits in the {@code payload} field).
 */
public final class GitHubWebhook implements WebhookEndpoint {
  public static final String PATH = "/hooks/github";
  static final String SIGNATURE = "X-Hub-Signature-256";
  static final String EVENT = "X-GitHub-Event";
  static final String DELIVERY = "X-GitHub-Delivery";
  private static final String FORM = "application/x-www-form-urlencoded";

  /**
   * Every field {@link CompletedEvents}, {@link WorkflowRuns} and {@link WorkflowJobs} read; the
   * rest of the payload is skipped unparsed. GitHubWebhookTest checks, over every fixture, that the
   * events are the same as from the whole tree, so a field read but not listed fails there.
   */
  static final JsonFields READ =
      JsonFields.of(
          Set.of(
              "action",
              "repository.full_name",
              "sender.login",
              "workflow.name",
              "workflow_job",
              "workflow_run.id",
              "workflow_run.conclusion",
              "workflow_run.updated_at",
              "workflow_run.head_branch",
              "workflow_run.event",
              "workflow_run.name",
              "workflow_run.path",
              "workflow_run.run_number",
              "workflow_run.run_attempt",
              "workflow_run.html_url",
              "workflow_run.head_sha",
              "workflow_run.actor.login",
              "workflow_run.triggering_actor.login",
              "workflow_run.head_commit"));

  private final GitHubSignature signature;
  private final boolean workflowJobs;

  /**
   * @param secret the webhook secret configured on GitHub
   * @param workflowJobs also alert on each failed {@code workflow_job}. Off by default: GitHub
   *     sends a {@code workflow_job} for every failed job and then a {@code workflow_run} for the
   *     run, with different delivery ids, so enabling both alerts twice for one failure. Enable it
   *     only for hooks that subscribe to {@code workflow_job} alone ({@code
   *     server.github_workflow_jobs}).
   */
  public GitHubWebhook(byte[] secret, boolean workflowJobs) {
    this.signature = new GitHubSignature(secret);
    this.workflowJobs = workflowJobs;
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public boolean accepts(String mediaType) {
    return mediaType.equals("application/json") || mediaType.equals(FORM);
  }

  @Override
  public String deliveryLabel(WebhookRequest request) {
    return request.header(DELIVERY).orElse("-");
  }

  @Override
  public Verdict handle(WebhookRequest request) {
    ByteBuffer body = request.bodyView();
    String signed =
        request
            .header(SIGNATURE)
            .orElseThrow(() -> WebhookRejection.unauthorized("missing " + SIGNATURE + " header"));
    if (!signature.matches(signed, body)) {
      throw WebhookRejection.unauthorized("invalid signature");
    }
    String delivery =
        request
            .header(DELIVERY)
            .orElseThrow(() -> WebhookRejection.badRequest("missing " + DELIVERY + " header"));
    String event =
        request
            .header(EVENT)
            .orElseThrow(() -> WebhookRejection.badRequest("missing " + EVENT + " header"));
    String deliveryKey = "github:" + delivery;
    return switch (event) {
      case "ping" -> Verdict.pong();
      case "workflow_run" -> WorkflowRuns.verdict(deliveryKey, json(request, body));
      case "workflow_job" ->
          workflowJobs
              ? WorkflowJobs.verdict(deliveryKey, json(request, body))
              : Verdict.ignore(event, "workflow_job alerts are off; the workflow_run reports it");
      default -> Verdict.ignore(event, "event not handled");
    };
  }

  private static ObjectNode json(WebhookRequest request, ByteBuffer body) {
    if (!request.mediaType().equals(FORM)) {
      return request.parseBody(READ);
    }
    String form = StandardCharsets.US_ASCII.decode(body.duplicate()).toString();
    for (String pair : form.split("&", -1)) {
      if (pair.startsWith("payload=")) {
        return READ.parseObject(decode(pair.substring("payload=".length())));
      }
    }
    throw WebhookRejection.missingField("payload");
  }

  private static byte[] decode(String formValue) {
    try {
      return URLDecoder.decode(formValue, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw WebhookRejection.invalidField("payload", "is not URL-encoded");
    }
  }
}
