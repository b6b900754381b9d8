package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root-cause fingerprint an issue is filed under. A build: repo + workflow + the sorted failing
 * test ids, or the failing job and step when the log names no tests. A DAG task: the alert's own
 * fingerprint (dag + task + exception type + normalised message), which is already complete.
 */
public final class IssueFingerprint {
  private IssueFingerprint() {}

  /**
   * The root-cause fingerprint of a failed alert.
   *
   * @param failingJob the first failed job's name, if known
   * @param failingStep that job's first failed step, if known
   */
  public static String of(
      Alert alert, Failures failures, @Nullable String failingJob, @Nullable String failingStep) {
    Optional<GitHubRun> run = alert.gitHubRun();
    if (run.isEmpty()) {
      return alert.fingerprint();
    }
    String base = "gh:" + run.get().repo() + ":" + run.get().workflowFile().orElse("");
    if (!failures.tests().isEmpty()) {
      List<String> sorted = new ArrayList<>(failures.tests());
      Collections.sort(sorted);
      return base + ":tests:" + sha(String.join("\n", sorted));
    }
    if (failingJob != null) {
      return base + ":job:" + failingJob + (failingStep == null ? "" : "/" + failingStep);
    }
    return alert.fingerprint();
  }

  private static String sha(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
