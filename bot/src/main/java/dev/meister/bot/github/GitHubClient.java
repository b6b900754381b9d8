package dev.meister.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.core.filing.FileCommit;
import dev.meister.core.filing.GitHubIssue;
import dev.meister.core.filing.GitHubRefusedException;
import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.filing.IssueDraft;
import dev.meister.core.filing.IssueSnapshot;
import dev.meister.core.filing.IssueTracker;
import dev.meister.core.filing.WorkflowJob;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub's REST API, as far as Meister uses it: a run's jobs and their logs, issues (also their
 * state and labels at a hand-off), comments, sub-issues and assignees, and for {@link
 * GitHubRunActions} a run itself and its re-run and cancel. Works against github.com or GitHub
 * Enterprise ({@code https://HOST/api/v3}).
 *
 * <p>A 5xx or network failure is retried with a doubling wait; a rate limit (403/429 with {@code
 * x-ratelimit-remaining: 0}, or a {@code retry-after}) is waited out when it ends soon, else
 * reported as {@link GitHubUnavailableException} with the wait. A refusal (401, 403, 404, 422) is a
 * {@link GitHubRefusedException} carrying GitHub's own message.
 */
public final class GitHubClient implements IssueTracker, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitHubClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO = Pattern.compile("[\\w.-]+/[\\w.-]+");
  private static final int ATTEMPTS = 4;

  /** Rate limits ending later than this are left to the caller's own retry. */
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  /** Job logs can be large; beyond this they are cut (the failures are usually in the middle). */
  private static final long MAX_LOG_BYTES = 32L * 1024 * 1024;

  private final String apiUrl;
  private final String token;
  private final OkHttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param apiUrl {@code https://api.github.com}, or {@code https://HOST/api/v3} for Enterprise
   * @param token a token allowed to read Actions and write issues
   */
  public GitHubClient(
      String apiUrl, String token, OkHttpClient http, Clock clock, Sleeper sleeper) {
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.token = token;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A client with its own connection pool and sensible timeouts. */
  public static GitHubClient create(String apiUrl, String token, Clock clock, Sleeper sleeper) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS)
            .build();
    return new GitHubClient(apiUrl, token, http, clock, sleeper);
  }

  /** The latest attempt's jobs of a workflow run. */
  @Override
  public List<WorkflowJob> runJobs(String repo, long runId) {
    JsonNode root = json(get(repo(repo) + "/actions/runs/" + runId + "/jobs?per_page=100"));
    List<WorkflowJob> jobs = new ArrayList<>();
    for (JsonNode j : root.path("jobs")) {
      List<WorkflowJob.Step> steps = new ArrayList<>();
      for (JsonNode s : j.path("steps")) {
        steps.add(new WorkflowJob.Step(s.path("name").asText(""), textOrNull(s, "conclusion")));
      }
      jobs.add(
          new WorkflowJob(
              j.path("id").asLong(),
              j.path("name").asText(""),
              textOrNull(j, "conclusion"),
              steps));
    }
    return jobs;
  }

  /** A job's plain-text log; GitHub answers with a redirect to a short-lived URL, followed here. */
  @Override
  public String jobLog(String repo, long jobId) {
    return call("GET", repo(repo) + "/actions/jobs/" + jobId + "/logs", null, true);
  }

  @Override
  public GitHubIssue createIssue(IssueDraft draft) {
    ObjectNode body = JSON.createObjectNode().put("title", draft.title()).put("body", draft.body());
    draft.labels().forEach(body.putArray("labels")::add);
    draft.assignees().forEach(body.putArray("assignees")::add);
    return issue(json(send("POST", repo(draft.repo()) + "/issues", body)));
  }

  @Override
  public GitHubIssue issue(String repo, int number) {
    return issue(json(get(repo(repo) + "/issues/" + number)));
  }

  @Override
  public IssueSnapshot snapshot(String repo, int number) {
    return IssueSnapshots.of(json(get(repo(repo) + "/issues/" + number)), repo);
  }

  /** One page: an epic with more sub-issues than {@code limit} (at most 100) is cut there. */
  @Override
  public List<IssueSnapshot> subIssues(String repo, int parent, int limit) {
    int perPage = Math.max(1, Math.min(limit, 100));
    String url = repo(repo) + "/issues/" + parent + "/sub_issues?per_page=" + perPage;
    return IssueSnapshots.list(json(get(url)), repo, limit);
  }

  @Override
  public void comment(String repo, int number, String markdown) {
    send(
        "POST",
        repo(repo) + "/issues/" + number + "/comments",
        JSON.createObjectNode().put("body", markdown));
  }

  @Override
  public void editBody(String repo, int number, String markdown) {
    send("PATCH", repo(repo) + "/issues/" + number, JSON.createObjectNode().put("body", markdown));
  }

  /**
   * Makes issue {@code childId} (GitHub's numeric id, not its number) a sub-issue of {@code
   * parent}.
   */
  @Override
  public void addSubIssue(String repo, int parent, long childId) {
    send(
        "POST",
        repo(repo) + "/issues/" + parent + "/sub_issues",
        JSON.createObjectNode().put("sub_issue_id", childId));
  }

  /**
   * Adds assignees and returns the logins the issue is assigned to afterwards: GitHub silently
   * leaves out a login without access to the repository, so callers check theirs is there.
   */
  @Override
  public List<String> addAssignees(String repo, int number, List<String> logins) {
    ObjectNode body = JSON.createObjectNode();
    logins.forEach(body.putArray("assignees")::add);
    String answer = send("POST", repo(repo) + "/issues/" + number + "/assignees", body);
    List<String> assigned = new java.util.ArrayList<>();
    try {
      for (JsonNode a : JSON.readTree(answer).path("assignees")) {
        assigned.add(a.path("login").asText());
      }
    } catch (java.io.IOException e) {
      throw new GitHubUnavailableException("GitHub answered with something not JSON", null, e);
    }
    return assigned;
  }

  /** https://docs.github.com/en/rest/issues/labels#add-labels-to-an-issue */
  @Override
  public void addLabels(String repo, int number, List<String> labels) {
    ObjectNode body = JSON.createObjectNode();
    labels.forEach(body.putArray("labels")::add);
    send("POST", repo(repo) + "/issues/" + number + "/labels", body);
  }

  @Override
  public void removeAssignees(String repo, int number, List<String> logins) {
    ObjectNode body = JSON.createObjectNode();
    logins.forEach(body.putArray("assignees")::add);
    send("DELETE", repo(repo) + "/issues/" + number + "/assignees", body);
  }

  /**
   * The newest commits touching {@code path}: one page of GitHub's list
   * (https://docs.github.com/en/rest/commits/commits#list-commits), an array of {@code {sha,
   * commit: {author: {name, date}}, author: {login} | null}}.
   */
  @Override
  public List<FileCommit> commits(String repo, String path, int limit) {
    int perPage = Math.max(1, Math.min(limit, 100));
    String url =
        repo(repo)
            + "/commits?path="
            + URLEncoder.encode(path, StandardCharsets.UTF_8)
            + "&per_page="
            + perPage;
    List<FileCommit> commits = new ArrayList<>();
    for (JsonNode c : json(get(url))) {
      if (commits.size() == limit) {
        break;
      }
      JsonNode author = c.path("commit").path("author");
      Instant at;
      try {
        at = Instant.parse(author.path("date").asText(""));
      } catch (java.time.format.DateTimeParseException e) {
        at = Instant.EPOCH;
      }
      commits.add(
          new FileCommit(
              c.path("sha").asText(""),
              Optional.ofNullable(textOrNull(c.path("author"), "login")),
              author.path("name").asText(""),
              at));
    }
    return commits;
  }

  /** A GET under {@code repos/{repo}}, e.g. {@code /actions/runs/42}, retried like every read. */
  JsonNode repoGet(String repo, String path) {
    return json(get(repo(repo) + path));
  }

  /**
   * One POST under {@code repos/{repo}}, tried once: re-running or cancelling a run is retried,
   * with backoff and an audit, by the durable worker that asked, not behind its back here.
   */
  void repoPostOnce(String repo, String path) {
    once("POST", repo(repo) + path, "{}", false);
  }

  private static GitHubIssue issue(JsonNode n) {
    return new GitHubIssue(
        n.path("id").asLong(),
        n.path("number").asInt(),
        n.path("html_url").asText(""),
        n.path("title").asText(""),
        "open".equals(n.path("state").asText("open")));
  }

  private String repo(String repo) {
    if (!REPO.matcher(repo).matches()) {
      throw new IllegalArgumentException("'" + repo + "' is not a repository (owner/name)");
    }
    return apiUrl + "/repos/" + repo;
  }

  private String get(String url) {
    return call("GET", url, null, false);
  }

  private String send(String method, String url, ObjectNode body) {
    return call(method, url, body.toString(), false);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new GitHubUnavailableException(
          "GitHub answered with something that is not JSON", null, e);
    }
  }

  private String call(String method, String url, @Nullable String body, boolean log) {
    GitHubUnavailableException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return once(method, url, body, log);
      } catch (GitHubUnavailableException e) {
        last = e;
        Duration wait =
            e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(1L << (attempt - 1));
        if (attempt == ATTEMPTS || wait.compareTo(MAX_WAIT) > 0) {
          throw e;
        }
        GitHubClient.log.warn(
            "GitHub {} {}: {}; trying again in {}s",
            method,
            path(url),
            e.getMessage(),
            wait.toSeconds());
        pause(wait, e);
      }
    }
    throw java.util.Objects.requireNonNull(last);
  }

  private void pause(Duration wait, GitHubUnavailableException e) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private String once(String method, String url, @Nullable String body, boolean log) {
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "meister-bot");
    request.method(method, body == null ? null : RequestBody.create(body, JSON_TYPE));
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : read(responseBody, log);
      if (response.isSuccessful()) {
        return text;
      }
      throw failure(response, text, method + " " + path(url));
    } catch (IOException e) {
      throw new GitHubUnavailableException(
          "GitHub could not be reached (" + e.getClass().getSimpleName() + ")", null, e);
    }
  }

  private static String read(ResponseBody body, boolean log) throws IOException {
    if (!log) {
      return body.string();
    }
    okio.BufferedSource source = body.source();
    source.request(MAX_LOG_BYTES);
    okio.Buffer buffer = source.getBuffer();
    return buffer.readUtf8(Math.min(buffer.size(), MAX_LOG_BYTES));
  }

  private RuntimeException failure(Response response, String text, String what) {
    int status = response.code();
    String message = message(text, response.message());
    Duration rateLimit = rateLimitWait(response);
    if (rateLimit != null) {
      return new GitHubUnavailableException(
          "GitHub rate limit on " + what + ": " + message, rateLimit, null);
    }
    if (status >= 500 || status == 408 || status == 429) {
      return new GitHubUnavailableException(
          "GitHub answered " + status + " to " + what, null, null);
    }
    return new GitHubRefusedException(status, message);
  }

  /** How long a rate limit lasts, or null when the answer is no rate limit. */
  private @Nullable Duration rateLimitWait(Response response) {
    if (response.code() != 403 && response.code() != 429) {
      return null;
    }
    String retryAfter = response.header("retry-after");
    if (retryAfter != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException e) {
        return Duration.ofMinutes(1);
      }
    }
    if ("0".equals(response.header("x-ratelimit-remaining"))) {
      String reset = response.header("x-ratelimit-reset");
      if (reset != null) {
        try {
          Duration wait =
              Duration.between(
                  clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
          return wait.isNegative() ? Duration.ZERO : wait.plusSeconds(1);
        } catch (NumberFormatException e) {
          return Duration.ofMinutes(1);
        }
      }
      return Duration.ofMinutes(1);
    }
    return null;
  }

  /** GitHub's {@code message}, with the first validation error's detail for a 422. */
  private static String message(String text, String fallback) {
    try {
      JsonNode n = JSON.readTree(text);
      String message = n.path("message").asText("");
      JsonNode first = n.path("errors").path(0);
      String detail =
          first.isTextual()
              ? first.asText()
              : first
                  .path("message")
                  .asText(
                      first.has("field")
                          ? first.path("field").asText() + " " + first.path("code").asText()
                          : "");
      if (!detail.isBlank()) {
        message = message + ": " + detail;
      }
      return message.isBlank() ? fallback : message;
    } catch (IOException | RuntimeException e) {
      return fallback.isBlank() ? "no reason given" : fallback;
    }
  }

  /** The URL without the API root and query, for logs. */
  private String path(String url) {
    String p = url.startsWith(apiUrl) ? url.substring(apiUrl.length()) : url;
    int q = p.indexOf('?');
    return q < 0 ? p : p.substring(0, q);
  }

  private static @Nullable String textOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Releases the connection pool and the dispatcher's threads. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
