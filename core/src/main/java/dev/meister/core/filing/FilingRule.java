package dev.meister.core.filing;

import dev.meister.core.validation.Checks;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where and how issues of one rotation's alerts are filed.
 *
 * @param repo {@code owner/name}; absent to file a build failure in the failing repo
 * @param epic the issue number of the epic new issues belong to, in {@code repo}
 * @param labels added to every issue, e.g. {@code bug}, {@code data-infra}
 * @param priority a label such as {@code P2}, a level on the team's scale: the default for alerts
 *     that no route or priority rule gave a level; absent for none
 * @param confirmPriority mention the team lead, asking them to confirm the priority
 */
public record FilingRule(
    @Nullable String repo,
    @Nullable Integer epic,
    List<String> labels,
    @Nullable String priority,
    boolean confirmPriority) {
  public FilingRule {
    labels = List.copyOf(labels);
    if (repo != null) {
      Checks.check(repo.matches("[\\w.-]+/[\\w.-]+"), "repo '" + repo + "' must be owner/name");
    }
    Checks.check(epic == null || epic > 0, "epic must be a positive issue number");
  }

  public static FilingRule defaults() {
    return new FilingRule(null, null, List.of(), null, false);
  }

  public Optional<String> targetRepo() {
    return Optional.ofNullable(repo);
  }

  public Optional<Integer> epicNumber() {
    return Optional.ofNullable(epic);
  }

  /**
   * This rule with {@code label} as its priority, e.g. the alert's level instead of the default.
   */
  public FilingRule withPriority(String label) {
    return new FilingRule(repo, epic, labels, Checks.notBlank(label, "priority"), confirmPriority);
  }

  /** This rule with {@code label} among its labels too. */
  public FilingRule withLabel(String label) {
    if (labels.contains(label)) {
      return this;
    }
    List<String> more = new java.util.ArrayList<>(labels);
    more.add(Checks.notBlank(label, "label"));
    return new FilingRule(repo, epic, more, priority, confirmPriority);
  }

  /** The labels with the priority label last. */
  public List<String> allLabels() {
    if (priority == null || labels.contains(priority)) {
      return labels;
    }
    List<String> all = new java.util.ArrayList<>(labels);
    all.add(priority);
    return List.copyOf(all);
  }
}
