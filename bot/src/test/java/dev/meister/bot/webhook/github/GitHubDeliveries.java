package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds GitHub webhook requests from the verbatim fixtures, signed as GitHub signs them. */
final class GitHubDeliveries {
  static final byte[] SECRET = "s3cret-for-tests".getBytes(StandardCharsets.UTF_8);
  static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GitHubSignature SIGNER = new GitHubSignature(SECRET);

  private GitHubDeliveries() {}

  static byte[] fixture(String name) {
    String resource = "/fixtures/github/" + name;
    try (InputStream in = GitHubDeliveries.class.getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture with only {@code workflow_run.conclusion} changed. */
  static byte[] runConcluded(String conclusion) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(fixture("workflow_run.completed.json"));
      ((ObjectNode) root.get("workflow_run")).put("conclusion", conclusion);
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> headers(String event, byte[] body) {
    Map<String, String> headers = unsigned(event);
    headers.put("X-Hub-Signature-256", SIGNER.sign(body));
    return headers;
  }

  static Map<String, String> unsigned(String event) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-GitHub-Event", event);
    headers.put("X-GitHub-Delivery", DELIVERY);
    headers.put("User-Agent", "GitHub-Hookshot/044aadd");
    return headers;
  }
}
