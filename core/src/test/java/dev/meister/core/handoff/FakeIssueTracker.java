package dev.meister.core.handoff;

import dev.meister.core.filing.FileCommit;
import dev.meister.core.filing.GitHubIssue;
import dev.meister.core.filing.GitHubRefusedException;
import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.filing.IssueDraft;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueSnapshot;
import dev.meister.core.filing.IssueTracker;
import dev.meister.core.filing.WorkflowJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The issues of an in-memory tracker; it can be down, or say an issue was deleted. */
final class FakeIssueTracker implements IssueTracker {
  final Map<String, IssueSnapshot> issues = new LinkedHashMap<>();
  final Map<String, List<IssueSnapshot>> subIssues = new LinkedHashMap<>();
  final List<String> asked = new ArrayList<>();
  boolean down;

  void put(IssueRef ref, String title, boolean open, String... labels) {
    issues.put(ref.toString(), new IssueSnapshot(ref, title, open, List.of(labels), List.of()));
  }

  @Override
  public IssueSnapshot snapshot(String repo, int number) {
    asked.add(repo + "#" + number);
    if (down) {
      throw new GitHubUnavailableException("GitHub answered 502 to GET /issues", null, null);
    }
    IssueSnapshot s = issues.get(repo + "#" + number);
    if (s == null) {
      throw new GitHubRefusedException(410, "This issue was deleted");
    }
    return s;
  }

  @Override
  public List<IssueSnapshot> subIssues(String repo, int parent, int limit) {
    asked.add(repo + "#" + parent + "/sub_issues");
    if (down) {
      throw new GitHubUnavailableException("GitHub answered 502 to GET /sub_issues", null, null);
    }
    return subIssues.getOrDefault(repo + "#" + parent, List.of());
  }

  @Override
  public List<WorkflowJob> runJobs(String repo, long runId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String jobLog(String repo, long jobId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public GitHubIssue createIssue(IssueDraft draft) {
    throw new UnsupportedOperationException();
  }

  @Override
  public GitHubIssue issue(String repo, int number) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void comment(String repo, int number, String markdown) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void editBody(String repo, int number, String markdown) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void addSubIssue(String repo, int parent, long childId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> addAssignees(String repo, int number, List<String> logins) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void removeAssignees(String repo, int number, List<String> logins) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void addLabels(String repo, int number, List<String> labels) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<FileCommit> commits(String repo, String path, int limit) {
    throw new UnsupportedOperationException();
  }
}
