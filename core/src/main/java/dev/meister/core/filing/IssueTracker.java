package dev.meister.core.filing;

import java.util.List;

/**
 * The issue tracker issues are filed in (GitHub): issues, comments, sub-issues, assignees, and the
 * failed jobs' logs a filing quotes. Calls block; a refusal is a {@link GitHubRefusedException}, an
 * outage a {@link GitHubUnavailableException}.
 */
public interface IssueTracker {
  /** The latest attempt's jobs of a workflow run. */
  List<WorkflowJob> runJobs(String repo, long runId);

  /** A job's plain-text log. */
  String jobLog(String repo, long jobId);

  GitHubIssue createIssue(IssueDraft draft);

  GitHubIssue issue(String repo, int number);

  /** The issue's state, title, labels and assignees now. */
  IssueSnapshot snapshot(String repo, int number);

  /**
   * The first {@code limit} sub-issues of {@code parent} (an epic), open and closed, each possibly
   * in another repository.
   */
  List<IssueSnapshot> subIssues(String repo, int parent, int limit);

  void comment(String repo, int number, String markdown);

  void editBody(String repo, int number, String markdown);

  /**
   * Makes {@code childId} (the issue's numeric id, not its number) a sub-issue of {@code parent}.
   */
  void addSubIssue(String repo, int parent, long childId);

  /** Adds assignees; returns the logins the tracker accepted. */
  List<String> addAssignees(String repo, int number, List<String> logins);

  void removeAssignees(String repo, int number, List<String> logins);

  /** Adds labels to an issue, keeping the ones it has. */
  void addLabels(String repo, int number, List<String> labels);

  /** The newest {@code limit} commits that touched {@code path} on the default branch. */
  List<FileCommit> commits(String repo, String path, int limit);
}
