package dev.meister.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the tests that run {@code meister run} send: signed GitHub deliveries on a free port. */
final class GitHubDeliveries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GitHubDeliveries() {}

  /** The real {@code workflow_run.completed} fixture, turned into a failure. */
  static byte[] failedRun() {
    try (InputStream in =
        GitHubDeliveries.class.getResourceAsStream(
            "/fixtures/github/workflow_run.completed.json")) {
      ObjectNode root = (ObjectNode) JSON.readTree(Objects.requireNonNull(in).readAllBytes());
      ((ObjectNode) root.get("workflow_run")).put("conclusion", "failure");
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code X-Hub-Signature-256} as GitHub computes it: HMAC-SHA256 of the body, in hex. */
  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A loopback port nothing listens on right now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
