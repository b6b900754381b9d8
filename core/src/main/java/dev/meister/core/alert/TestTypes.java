package dev.meister.core.alert;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The short test type shown in build alert titles ({@code fast}, {@code slow}, ...), configured per
 * workflow file name (e.g. {@code fast_tests.yml}) or workflow name; keys ignore case.
 */
public final class TestTypes {
  private final Map<String, String> byWorkflow;

  public TestTypes(Map<String, String> byWorkflow) {
    Map<String, String> lowered = new HashMap<>();
    byWorkflow.forEach((k, v) -> lowered.put(lower(k.trim()), v));
    this.byWorkflow = Map.copyOf(lowered);
  }

  /**
   * The configured type for the workflow's file name, else for its name; otherwise the file name
   * without extension (e.g. {@code run_tests}), else the lower-cased name, else {@code build}.
   */
  public String typeOf(@Nullable String workflowPath, @Nullable String workflowName) {
    String file = blankToNull(workflowPath == null ? null : WorkflowFiles.fileName(workflowPath));
    String name = blankToNull(workflowName == null ? null : workflowName.trim());
    String configured = configured(file);
    if (configured == null) {
      configured = configured(name);
    }
    if (configured != null) {
      return configured;
    }
    if (file != null && workflowPath != null) {
      return WorkflowFiles.baseName(workflowPath);
    }
    if (name != null) {
      return lower(name);
    }
    return "build";
  }

  private @Nullable String configured(@Nullable String key) {
    return key == null ? null : byWorkflow.get(lower(key));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
