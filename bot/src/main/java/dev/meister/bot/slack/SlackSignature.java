package dev.meister.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing: {@code X-Slack-Signature} is {@code "v0=" + hex(HMAC-SHA256(signing
 * secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body))}; a timestamp more than five minutes
 * from now is a replay and refused whatever its signature.
 */
final class SlackSignature {
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final byte[] secret;
  private final Clock clock;

  SlackSignature(String signingSecret, Clock clock) {
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("Slack signing secret may not be blank");
    }
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Why the request is refused, or empty when it is genuine and fresh. */
  Optional<String> problem(Optional<String> timestamp, Optional<String> signature, byte[] body) {
    if (timestamp.isEmpty()) {
      return Optional.of("missing X-Slack-Request-Timestamp");
    }
    if (signature.isEmpty()) {
      return Optional.of("missing X-Slack-Signature");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.get());
    } catch (NumberFormatException e) {
      return Optional.of("X-Slack-Request-Timestamp is not a number");
    }
    // Compared as a range, not as |now - seconds|: that subtraction overflows for a timestamp near
    // Long.MIN_VALUE, whose "skew" came out negative and passed as fresh (found by fuzzing).
    long now = clock.instant().getEpochSecond();
    if (seconds < now - WINDOW.toSeconds() || seconds > now + WINDOW.toSeconds()) {
      return Optional.of("X-Slack-Request-Timestamp is more than 5 minutes off");
    }
    byte[] expected = sign(timestamp.get(), body).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.get().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("invalid X-Slack-Signature");
    }
    return Optional.empty();
  }

  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
