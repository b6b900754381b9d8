package dev.meister.core.alert;

/** Names derived from a GitHub workflow path such as {@code .github/workflows/fast_tests.yml}. */
public final class WorkflowFiles {
  private WorkflowFiles() {}

  /** The last path segment, e.g. {@code fast_tests.yml}. */
  public static String fileName(String workflowPath) {
    return workflowPath.substring(workflowPath.lastIndexOf('/') + 1);
  }

  /** The file name without its extension, e.g. {@code fast_tests}. */
  public static String baseName(String workflowPath) {
    String file = fileName(workflowPath);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
