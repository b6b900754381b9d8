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
 * @param tags every one must be among the event's DAG tags, ignoring case
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
    return matches(e.origin());
  }

  public boolean matches(AlertOrigin origin) {
    Optional<GitHubRun> run = origin.match(Optional::of, task -> Optional.empty());
    Optional<AirflowTask> task = origin.match(r -> Optional.empty(), Optional::of);
    return (source == null || source == origin.source())
        && matches(repo, run.map(GitHubRun::repo))
        && matchesWorkflow(run)
        && matches(branch, run.flatMap(GitHubRun::branch))
        && matches(dag, task.map(AirflowTask::dagId))
        && matches(this.task, task.flatMap(AirflowTask::taskId))
        && hasTags(task.map(AirflowTask::tags).orElse(List.of()))
        && matches(region, task.flatMap(AirflowTask::region));
  }

  private static boolean matches(@Nullable Glob glob, Optional<String> value) {
    return glob == null || (value.isPresent() && glob.matches(value.get()));
  }

  private boolean matchesWorkflow(Optional<GitHubRun> run) {
    Glob glob = workflow;
    if (glob == null) {
      return true;
    }
    Optional<String> name = run.flatMap(GitHubRun::workflowName);
    Optional<String> path = run.flatMap(GitHubRun::workflowPath);
    return (name.isPresent() && glob.matches(name.get()))
        || (path.isPresent()
            && (glob.matches(WorkflowFiles.fileName(path.get())) || glob.matches(path.get())));
  }

  private boolean hasTags(List<String> eventTags) {
    if (tags.isEmpty()) {
      return true;
    }
    Set<String> present = new HashSet<>();
    for (String t : eventTags) {
      present.add(t.trim().toLowerCase(Locale.ROOT));
    }
    return tags.stream().allMatch(t -> present.contains(t.toLowerCase(Locale.ROOT)));
  }
}
