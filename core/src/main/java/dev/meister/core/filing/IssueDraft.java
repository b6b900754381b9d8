package dev.meister.core.filing;

import dev.meister.core.validation.Checks;
import java.util.List;

/**
 * An issue about to be created.
 *
 * @param body GitHub Markdown
 * @param assignees GitHub logins
 */
public record IssueDraft(
    String repo, String title, String body, List<String> labels, List<String> assignees) {
  public IssueDraft {
    Checks.notBlank(repo, "repo");
    Checks.notBlank(title, "title");
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }
}
