package dev.meister.bot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which kind of tests a GitHub workflow runs, keyed by workflow file name ({@code fast_tests.yml})
 * or workflow name ({@code Slow tests}).
 */
public record TestTypes(Map<String, String> byWorkflow) {
  public TestTypes {
    byWorkflow = Collections.unmodifiableMap(new LinkedHashMap<>(byWorkflow));
  }

  public static TestTypes none() {
    return new TestTypes(Map.of());
  }

  /**
   * The test type of a workflow, looked up by the file name of its path (e.g. {@code
   * .github/workflows/fast_tests.yml}) and then by its name.
   */
  public Optional<String> typeOf(String workflowPath, String workflowName) {
    String file = workflowPath.substring(workflowPath.lastIndexOf('/') + 1);
    String type = byWorkflow.get(file);
    return Optional.ofNullable(type != null ? type : byWorkflow.get(workflowName));
  }
}
