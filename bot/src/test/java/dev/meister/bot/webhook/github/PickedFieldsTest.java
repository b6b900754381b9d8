package dev.meister.bot.webhook.github;

import static dev.meister.bot.webhook.github.GitHubDeliveries.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookJson;
import dev.meister.bot.webhook.WebhookRejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intake parses only the fields it reads ({@link GitHubWebhook#READ}); these tests hold it to
 * giving exactly the events, ignores and rejections the whole tree gives, over the real payloads
 * and variants of them.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class PickedFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<byte[]> payloads() {
    List<byte[]> bodies = new ArrayList<>();
    for (String name :
        List.of(
            "workflow_run.completed.json",
            "workflow_run.requested.json",
            "workflow_job.completed.failure.with-organization.json",
            "ping.json",
            "push.json")) {
      byte[] body = fixture(name);
      bodies.add(body);
      for (String conclusion : List.of("failure", "success", "timed_out", "cancelled")) {
        bodies.add(
            edit(
                body,
                root -> {
                  root.put("action", "completed");
                  for (String what : List.of("workflow_run", "workflow_job")) {
                    if (root.get(what) instanceof ObjectNode object) {
                      object.put("conclusion", conclusion);
                    }
                  }
                  return root;
                }));
      }
      // Fields missing, null or of the wrong type on the way to what is read.
      bodies.add(
          edit(
              body,
              root -> {
                root.remove("repository");
                return root;
              }));
      bodies.add(
          edit(
              body,
              root -> {
                root.putNull("workflow_run");
                root.put("workflow_job", 7);
                return root;
              }));
      bodies.add(
          edit(
              body,
              root -> {
                if (root.get("workflow_run") instanceof ObjectNode run) {
                  run.put("updated_at", "yesterday");
                  run.put("head_commit", "not an object");
                  run.putNull("actor");
                }
                return root;
              }));
    }
    return bodies.stream();
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void a_run_reads_the_same_from_the_picked_fields_as_from_the_whole_tree(byte[] body) {
    assertThat(outcome(body, WorkflowRuns::verdict))
        .isEqualTo(outcomeOfWholeTree(body, WorkflowRuns::verdict));
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void a_job_reads_the_same_from_the_picked_fields_as_from_the_whole_tree(byte[] body) {
    assertThat(outcome(body, WorkflowJobs::verdict))
        .isEqualTo(outcomeOfWholeTree(body, WorkflowJobs::verdict));
  }

  @Test
  void the_picked_tree_leaves_out_what_is_not_read() {
    ObjectNode picked = GitHubWebhook.READ.parseObject(fixture("workflow_run.completed.json"));

    assertThat(picked.get("repository").fieldNames()).toIterable().containsExactly("full_name");
    assertThat(picked.get("workflow_run").has("head_repository")).isFalse();
    assertThat(picked.get("workflow_run").get("head_commit").has("message")).isTrue();
  }

  @Test
  void malformed_json_after_the_read_fields_is_still_rejected() {
    String broken =
        "{\"action\": \"completed\", \"repository\": {\"full_name\": \"a/b\"},"
            + " \"sender\": {\"login\": \"x\", \"id\": 12,}}";

    assertThat(rejection(() -> GitHubWebhook.READ.parseObject(bytes(broken))))
        .startsWith("400 malformed JSON:");
    assertThat(rejection(() -> GitHubWebhook.READ.parseObject(bytes("[1, 2]"))))
        .isEqualTo("400 JSON body must be an object, not array");
    assertThat(rejection(() -> GitHubWebhook.READ.parseObject(bytes(""))))
        .isEqualTo("400 malformed JSON: empty body");
  }

  private static String outcome(byte[] body, Verdicts verdicts) {
    return describe(() -> verdicts.of("github:d", GitHubWebhook.READ.parseObject(body)));
  }

  private static String outcomeOfWholeTree(byte[] body, Verdicts verdicts) {
    return describe(() -> verdicts.of("github:d", WebhookJson.parseObject(body)));
  }

  private interface Verdicts {
    Verdict of(String deliveryKey, ObjectNode root);
  }

  private static String describe(java.util.function.Supplier<Verdict> verdict) {
    try {
      return verdict.get().toString();
    } catch (WebhookRejection e) {
      return e.status() + " " + e.error() + " " + e.field().orElse("");
    }
  }

  private static String rejection(Runnable parse) {
    try {
      parse.run();
      return "accepted";
    } catch (WebhookRejection e) {
      return e.status() + " " + e.error();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] edit(byte[] body, Function<ObjectNode, ObjectNode> change) {
    try {
      return JSON.writeValueAsBytes(change.apply((ObjectNode) JSON.readTree(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
