package dev.meister.core.status;

import dev.meister.core.alert.Glob;
import dev.meister.core.validation.Checks;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which task ids of a DAG belong to a stage: one exact id ({@code itaipu-contracts}), a wildcard
 * ({@code itaipu-*}) or every task of a task group ({@code group:finance}, i.e. the ids starting
 * with {@code finance.}, as Airflow prefixes the tasks of a group).
 */
public final class TaskSelector {
  private static final String GROUP = "group:";

  private final String text;
  private final Predicate<String> matcher;

  private TaskSelector(String text) {
    this.text = Checks.notBlank(text, "task");
    if (text.startsWith(GROUP)) {
      String prefix = Checks.notBlank(text.substring(GROUP.length()).trim(), "task group") + ".";
      this.matcher = id -> id.startsWith(prefix);
    } else if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0) {
      Glob glob = Glob.of(text);
      this.matcher = glob::matches;
    } else {
      this.matcher = text::equals;
    }
  }

  /**
   * Parses a selector: task ids, wildcards and groups.
   *
   * @throws IllegalArgumentException for a blank text, an empty group or a malformed wildcard
   */
  public static TaskSelector of(String text) {
    return new TaskSelector(text.trim());
  }

  public boolean matches(String taskId) {
    return matcher.test(taskId);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TaskSelector s && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** As written in the configuration. */
  @Override
  public String toString() {
    return text;
  }
}
