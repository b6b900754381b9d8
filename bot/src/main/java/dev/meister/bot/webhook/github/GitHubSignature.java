package dev.meister.bot.webhook.github;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code "sha256=" + lowercase hex(HMAC-SHA256(secret, raw
 * body))}, compared in constant time.
 */
final class GitHubSignature {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * One keyed Mac per server thread: looking the algorithm up and keying it for every webhook cost
   * more than hashing its 21 KB. A Mac is reset by {@code doFinal} and is not thread-safe.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

  GitHubSignature(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("GitHub webhook secret may not be empty");
    }
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  String sign(byte[] body) {
    return sign(ByteBuffer.wrap(body));
  }

  /** Signs the bytes left in {@code body}, which is not moved. */
  String sign(ByteBuffer body) {
    Mac mac = macs.get();
    mac.update(body.duplicate());
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
  }

  private Mac keyedMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  boolean matches(String header, byte[] body) {
    return matches(header, ByteBuffer.wrap(body));
  }

  boolean matches(String header, ByteBuffer body) {
    byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  @Override
  public String toString() {
    return "GitHubSignature[secret hidden]";
  }
}
