package dev.meister.core.filing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One potential root cause of a build break: failures in the same codebase area with the same error
 * signature. Seed 002: "If the failures are not connected to each other, file separate issues for
 * each of the potential root cause. Keep issues grouped according to the codebase organization."
 */
public record RootCause(CodeArea area, ErrorSignature signature) {
  /**
   * The fingerprint an issue for this root cause is filed under. The workflow is left out on
   * purpose: the same broken code failing the fast and the slow tests is one root cause.
   */
  public String fingerprint(String repo) {
    return "gh:" + repo + ":cause:" + sha(area.path() + "\n" + signature.text());
  }

  /**
   * The error's name for a title, e.g. {@code NullPointerException} for {@code
   * java.lang.NullPointerException: ...}; the area alone when the log showed no error.
   */
  public String errorName() {
    String head = signature.text().split("[:\\s(]", 2)[0];
    return head.substring(head.lastIndexOf('.') + 1);
  }

  static String sha(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
