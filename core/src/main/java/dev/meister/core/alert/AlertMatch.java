package dev.meister.core.alert;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Criteria a pipeline event must meet; every criterion given must match, and an event lacking the
 * attribute a criterion looks at does not match it.
 *
 * @param workflow matched against the workflow's name, its file name (e.g. {@code fast_tests.yml})
 *     and its full path
 * @param tags every one must be among the event's comma-separated DAG tags, ignoring case
 */
public record AlertMatch(
    @Nullable AlertSource source,
    @Nullable Glob repo,
    @Nullable Glob workflow,
    @Nullable Glob branch,
    @Nullable Glob dag,
    @Nullable Glob task,
    List<String> tags,
    @Nullable Glob region) {

  public AlertMatch {
    tags = tags.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
  }

  /** Matches every event. */
  public static AlertMatch anything() {
    return new AlertMatch(null, null, null, null, null, null, List.of(), null);
  }

  public boolean matches(RunEvent e) {
    return (source == null || source == e.source())
        && matches(repo, e, AlertAttributes.REPO)
        && matchesWorkflow(e)
        && matches(branch, e, AlertAttributes.BRANCH)
        && matches(dag, e, AlertAttributes.DAG_ID)
        && matches(task, e, AlertAttributes.TASK_ID)
        && hasTags(e)
        && matches(region, e, AlertAttributes.REGION);
  }

  private static boolean matches(@Nullable Glob glob, RunEvent e, String attribute) {
    if (glob == null) {
      return true;
    }
    Optional<String> value = e.attribute(attribute);
    return value.isPresent() && glob.matches(value.get());
  }

  private boolean matchesWorkflow(RunEvent e) {
    Glob glob = workflow;
    if (glob == null) {
      return true;
    }
    Optional<String> name = e.attribute(AlertAttributes.WORKFLOW_NAME);
    Optional<String> path = e.attribute(AlertAttributes.WORKFLOW_PATH);
    return (name.isPresent() && glob.matches(name.get()))
        || (path.isPresent()
            && (glob.matches(WorkflowFiles.fileName(path.get())) || glob.matches(path.get())));
  }

  private boolean hasTags(RunEvent e) {
    if (tags.isEmpty()) {
      return true;
    }
    Set<String> present = new HashSet<>();
    for (String t : e.attribute(AlertAttributes.TAGS).orElse("").split(",", -1)) {
      present.add(t.trim().toLowerCase(Locale.ROOT));
    }
    return tags.stream().allMatch(t -> present.contains(t.toLowerCase(Locale.ROOT)));
  }
}
