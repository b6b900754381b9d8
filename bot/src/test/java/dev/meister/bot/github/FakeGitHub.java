package dev.meister.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's REST API on loopback, at the root as api.github.com serves it ({@link #url()}) and under
 * {@code /api/v3} as GitHub Enterprise does ({@link #apiUrl()}): workflow run jobs, job logs by 302
 * redirect to a blob URL, issues, comments, sub-issues and assignees, in GitHub's JSON shapes
 * (https://docs.github.com/en/rest/issues, https://docs.github.com/en/rest/actions/workflow-jobs).
 * Answers can be scripted to fail (403, 422, 5xx, rate limits).
 */
public final class FakeGitHub extends LoopbackApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO_PATH =
      Pattern.compile("(?:/api/v3)?/repos/([\\w.-]+/[\\w.-]+)(/.*)");

  /** One request as received. */
  public record Received(String method, String path, String body, String authorization) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A scripted answer: status, headers and JSON body. */
  public record Scripted(int status, Map<String, String> headers, String body) {
    ApiAnswer toAnswer() {
      return new ApiAnswer(status, "application/json", headers, body);
    }
  }

  private final Map<Long, ArrayNode> jobsByRun = new ConcurrentHashMap<>();

  /** Per run, the workflow run object GET /actions/runs/{id} answers, as the webhook sends it. */
  private final Map<Long, ObjectNode> runs = new ConcurrentHashMap<>();

  private final Map<Long, String> logs = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> issues = new ConcurrentHashMap<>();

  /** Per parent issue ({@code repo#number}), its sub-issues' keys in order. */
  private final Map<String, List<String>> subIssues = new ConcurrentHashMap<>();

  /** Logins GitHub accepts as assignees; empty means everyone. */
  private final Set<String> collaborators = ConcurrentHashMap.newKeySet();

  /** Per {@code repo:path}, the commits that touched it, newest first. */
  private final Map<String, ArrayNode> commits = new ConcurrentHashMap<>();

  private final AtomicInteger nextNumber = new AtomicInteger(9110);

  public FakeGitHub() throws IOException {
    super("fake-github");
  }

  /** The API root as GitHub Enterprise serves it, {@code http://127.0.0.1:PORT/api/v3}. */
  public String apiUrl() {
    return root() + "/api/v3";
  }

  /** The API root as api.github.com serves it, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return root();
  }

  /** A run whose jobs are given as (name, conclusion, failed step or null, log or null). */
  public void run(long runId, List<Job> jobs) {
    ArrayNode list = JSON.createArrayNode();
    for (Job j : jobs) {
      ObjectNode job = list.addObject();
      job.put("id", j.id())
          .put("run_id", runId)
          .put("name", j.name())
          .put("status", "completed")
          .put("conclusion", j.conclusion())
          .put(
              "html_url",
              "https://github.com/acme/widgets/actions/runs/" + runId + "/job/" + j.id());
      ArrayNode steps = job.putArray("steps");
      steps
          .addObject()
          .put("name", "Set up job")
          .put("status", "completed")
          .put("conclusion", "success")
          .put("number", 1);
      String step = j.failedStep();
      steps
          .addObject()
          .put("name", step == null ? "Run tests" : step)
          .put("status", "completed")
          .put("conclusion", step == null ? "success" : "failure")
          .put("number", 2);
      String log = j.log();
      if (log != null) {
        logs.put(j.id(), log);
      }
    }
    jobsByRun.put(runId, list);
    boolean failed = jobs.stream().anyMatch(j -> !j.conclusion().equals("success"));
    workflowRun(runId, "completed", failed ? "failure" : "success");
  }

  /**
   * Sets the run's {@code status} and {@code conclusion} (null while it runs), in the shape of
   * fixtures/github/workflow_run.completed.json's {@code workflow_run}.
   */
  public void workflowRun(long runId, String status, @Nullable String conclusion) {
    ObjectNode run =
        runs.computeIfAbsent(
            runId,
            id -> {
              ObjectNode r =
                  (ObjectNode) fixture("workflow_run.completed.json").get("workflow_run");
              return r.put("id", id).put("name", "CI").put("display_title", "CI");
            });
    run.put("status", status);
    if (conclusion == null) {
      run.putNull("conclusion");
    } else {
      run.put("conclusion", conclusion);
    }
  }

  public JsonNode workflowRun(long runId) {
    ObjectNode run = runs.get(runId);
    if (run == null) {
      throw new AssertionError("no workflow run " + runId);
    }
    return run;
  }

  private static JsonNode fixture(String name) {
    try (java.io.InputStream in =
        FakeGitHub.class.getResourceAsStream("/fixtures/github/" + name)) {
      return JSON.readTree(java.util.Objects.requireNonNull(in, name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One job of a run. */
  public record Job(
      long id, String name, String conclusion, @Nullable String failedStep, @Nullable String log) {}

  /** An existing issue, e.g. an epic, assigned to {@code assignees}. */
  public void issue(String repo, int number, String title, boolean open, String... assignees) {
    ObjectNode issue = issueJson(repo, number, title, "", open);
    for (String login : assignees) {
      issue.withArray("assignees").addObject().put("login", login).put("type", "User");
    }
    issues.put(repo + "#" + number, issue);
  }

  /** Sets the issue's labels (its priority among them), as a triager on GitHub would. */
  public void label(String repo, int number, String... labels) {
    ObjectNode issue = (ObjectNode) issue(repo, number);
    issue.set("labels", labels(JSON.valueToTree(List.of(labels))));
  }

  /** Sets when the issue was opened and last touched ({@code created_at}, {@code updated_at}). */
  public void activity(String repo, int number, Instant created, Instant updated) {
    ((ObjectNode) issue(repo, number))
        .put("created_at", created.toString())
        .put("updated_at", updated.toString());
  }

  /**
   * A commit touching {@code path}, newer than those added before; {@code login} null for an author
   * whose e-mail belongs to no GitHub account (GitHub then sends {@code "author": null}).
   */
  public void commit(String repo, String path, @Nullable String login, String name, Instant at) {
    ArrayNode list = commits.computeIfAbsent(repo + ":" + path, k -> JSON.createArrayNode());
    // https://docs.github.com/en/rest/commits/commits#list-commits, trimmed to what is read.
    ObjectNode c = JSON.createObjectNode();
    c.put("sha", Integer.toHexString((repo + path + at).hashCode()) + "0ffee");
    ObjectNode author = c.putObject("commit").putObject("author");
    author
        .put("name", name)
        .put("email", name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com")
        .put("date", at.toString());
    if (login == null) {
      c.putNull("author");
    } else {
      c.putObject("author").put("login", login).put("type", "User");
    }
    list.insert(0, c);
  }

  /** Closes the issue on GitHub, without Meister hearing of it. */
  public void close(String repo, int number) {
    ((ObjectNode) issue(repo, number)).put("state", "closed").put("state_reason", "completed");
  }

  /** Makes an existing issue a sub-issue of another, as the epic's owner would on GitHub. */
  public void subIssue(String parentRepo, int parent, String repo, int number) {
    ObjectNode child = (ObjectNode) issue(repo, number);
    child.put("parent_issue_number", parent);
    subIssues.computeIfAbsent(parentRepo + "#" + parent, k -> new ArrayList<>()).add(key(child));
  }

  private static String key(JsonNode issue) {
    String url = issue.path("repository_url").asText();
    return url.substring(url.indexOf("/repos/") + "/repos/".length())
        + "#"
        + issue.path("number").asInt();
  }

  /** Logins GitHub would accept as assignees; others it silently ignores, as GitHub does. */
  public FakeGitHub onlyCollaborators(String... logins) {
    collaborators.addAll(List.of(logins));
    return this;
  }

  /** The logins an issue is assigned to, in order. */
  public List<String> assignees(String repo, int number) {
    List<String> logins = new ArrayList<>();
    issue(repo, number).path("assignees").forEach(a -> logins.add(a.path("login").asText()));
    return logins;
  }

  /** The next request matching {@code method} and {@code pathRegex} gets {@code answer}. */
  public void failNext(String method, String pathRegex, Scripted answer) {
    failNext(r -> r.method().equals(method) && r.path().matches(pathRegex), answer.toAnswer());
  }

  /**
   * The next requests, whatever they ask, fail with these statuses in order: 403 as a token without
   * access to the repository, anything else as a server error.
   */
  public void failNext(int... statuses) {
    for (int status : statuses) {
      failNext(
          r -> true,
          error(status, status == 403 ? "Resource not accessible by integration" : "Server Error")
              .toAnswer());
    }
  }

  public static Scripted error(int status, String message) {
    return new Scripted(
        status,
        Map.of(),
        "{\"message\":\""
            + message
            + "\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\""
            + status
            + "\"}");
  }

  /** Every request so far, in order. */
  public List<Received> requests() {
    return received().stream().map(FakeGitHub::received).toList();
  }

  public List<Received> received(String method, String pathRegex) {
    return requests().stream()
        .filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
        .toList();
  }

  private static Received received(ApiRequest r) {
    return new Received(r.method(), r.path(), r.body(), r.header("Authorization").orElse(""));
  }

  public JsonNode issue(String repo, int number) {
    ObjectNode issue = issues.get(repo + "#" + number);
    if (issue == null) {
      throw new AssertionError("no issue " + repo + "#" + number);
    }
    return issue;
  }

  @Override
  protected ApiAnswer serve(ApiRequest request) throws IOException {
    ApiAnswer answer =
        scripted(request)
            .orElseGet(
                () -> {
                  try {
                    return route(request);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    // GitHub sends its rate-limit headers on every answer; a scripted one may carry its own.
    boolean own =
        answer.headers().keySet().stream()
            .anyMatch(k -> k.equalsIgnoreCase("x-ratelimit-remaining"));
    return own
        ? answer
        : answer
            .withHeader("x-ratelimit-limit", "5000")
            .withHeader("x-ratelimit-remaining", "4999");
  }

  private static ApiAnswer json(int status, String body) {
    return ApiAnswer.json(status, body).as("application/json; charset=utf-8");
  }

  private static ApiAnswer json(int status, JsonNode body) {
    return json(status, body.toString());
  }

  private static ApiAnswer notFound() {
    return json(404, "{\"message\":\"Not Found\"}");
  }

  private ApiAnswer route(ApiRequest request) throws IOException {
    String method = request.method();
    String path = request.path();
    if (path.startsWith("/blob/job-logs/")) {
      long id = Long.parseLong(path.substring("/blob/job-logs/".length()));
      return ApiAnswer.text(200, "text/plain", logs.getOrDefault(id, ""));
    }
    Matcher m = REPO_PATH.matcher(path);
    if (!m.matches() || !request.header("Authorization").orElse("").startsWith("Bearer ")) {
      return json(401, "{\"message\":\"Requires authentication\"}");
    }
    String repo = m.group(1);
    String rest = m.group(2);
    Matcher g;
    if ("GET".equals(method)
        && (g = Pattern.compile("/actions/runs/(\\d+)/jobs").matcher(rest)).matches()) {
      ArrayNode jobs = jobsByRun.get(Long.parseLong(g.group(1)));
      if (jobs == null) {
        return notFound();
      }
      ObjectNode out = JSON.createObjectNode().put("total_count", jobs.size());
      out.set("jobs", jobs);
      return json(200, out);
    } else if ("GET".equals(method)
        && (g = Pattern.compile("/actions/jobs/(\\d+)/logs").matcher(rest)).matches()) {
      return ApiAnswer.text(302, "text/plain", "")
          .withHeader("Location", root() + "/blob/job-logs/" + g.group(1) + "?sig=short-lived");
    } else if ((g = Pattern.compile("/actions/runs/(\\d+)(/[a-z-]+)?").matcher(rest)).matches()) {
      return runRoute(method, Long.parseLong(g.group(1)), g.group(2));
    } else if ("POST".equals(method) && rest.equals("/issues")) {
      JsonNode in = request.json();
      int number = nextNumber.getAndIncrement();
      ObjectNode issue =
          issueJson(repo, number, in.path("title").asText(), in.path("body").asText(), true);
      issue.set("labels", labels(in.path("labels")));
      issues.put(repo + "#" + number, issue);
      return json(201, issue);
    } else if ("GET".equals(method) && rest.equals("/commits")) {
      return json(200, commitsFor(repo, request.query()));
    } else if ((g = Pattern.compile("/issues/(\\d+)(/.*)?").matcher(rest)).matches()) {
      return issueRoute(method, repo, Integer.parseInt(g.group(1)), g.group(2), request);
    }
    return notFound();
  }

  /**
   * A workflow run (https://docs.github.com/en/rest/actions/workflow-runs): GET it; POST {@code
   * /rerun} or {@code /rerun-failed-jobs} (201, {@code {}}, the run queued again), {@code /cancel}
   * (202, {@code {}}; 409 once it is completed).
   */
  private ApiAnswer runRoute(String method, long runId, @Nullable String action) {
    ObjectNode run = runs.get(runId);
    if (run == null) {
      return json(
          404,
          "{\"message\":\"Not Found\",\"documentation_url\":"
              + "\"https://docs.github.com/rest/actions/workflow-runs\",\"status\":\"404\"}");
    }
    if (action == null && "GET".equals(method)) {
      return json(200, run);
    }
    if (!"POST".equals(method)) {
      return notFound();
    }
    switch (action == null ? "" : action) {
      case "/rerun", "/rerun-failed-jobs" -> {
        run.put("status", "queued").putNull("conclusion");
        run.put("run_attempt", run.path("run_attempt").asInt() + 1);
        return json(201, "{}");
      }
      case "/cancel" -> {
        if (run.path("status").asText().equals("completed")) {
          return json(
              409,
              "{\"message\":\"Cannot cancel a workflow run that is completed.\","
                  + "\"documentation_url\":\"https://docs.github.com/rest/actions/workflow-runs"
                  + "#cancel-a-workflow-run\",\"status\":\"409\"}");
        }
        run.put("status", "completed").put("conclusion", "cancelled");
        return json(202, "{}");
      }
      default -> {
        return notFound();
      }
    }
  }

  /** The commits of {@code path=} in the query, at most {@code per_page}; none for other paths. */
  private ArrayNode commitsFor(String repo, @Nullable String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String kv : (query == null ? "" : query).split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        params.put(
            kv.substring(0, eq),
            java.net.URLDecoder.decode(
                kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    ArrayNode all =
        commits.getOrDefault(repo + ":" + params.getOrDefault("path", ""), JSON.createArrayNode());
    int perPage = Integer.parseInt(params.getOrDefault("per_page", "30"));
    ArrayNode out = JSON.createArrayNode();
    for (int i = 0; i < Math.min(perPage, all.size()); i++) {
      out.add(all.get(i));
    }
    return out;
  }

  private ApiAnswer issueRoute(
      String method, String repo, int number, @Nullable String sub, ApiRequest request) {
    ObjectNode issue = issues.get(repo + "#" + number);
    if (issue == null) {
      return json(
          404,
          "{\"message\":\"Not Found\",\"documentation_url\":"
              + "\"https://docs.github.com/rest/issues/issues#get-an-issue\",\"status\":\"404\"}");
    }
    JsonNode in = request.json();
    if (sub == null && "GET".equals(method)) {
      return json(200, issue);
    } else if (sub == null && "PATCH".equals(method)) {
      if (in.has("body")) {
        issue.put("body", in.path("body").asText());
      }
      return json(200, issue);
    } else if ("/comments".equals(sub) && "POST".equals(method)) {
      return json(
          201,
          JSON.createObjectNode()
              .put("id", 1_500_000 + received().size())
              .put("body", in.path("body").asText())
              .put("html_url", issue.path("html_url").asText() + "#issuecomment-1"));
    } else if ("/sub_issues".equals(sub) && "GET".equals(method)) {
      // An array of issue objects:
      // https://docs.github.com/en/rest/issues/sub-issues#list-sub-issues
      ArrayNode list = JSON.createArrayNode();
      for (String child : subIssues.getOrDefault(repo + "#" + number, List.of())) {
        list.add(issues.get(child));
      }
      return json(200, list);
    } else if ("/sub_issues".equals(sub) && "POST".equals(method)) {
      long child = in.path("sub_issue_id").asLong();
      ObjectNode found =
          issues.values().stream()
              .filter(i -> i.path("id").asLong() == child)
              .findFirst()
              .orElse(null);
      if (found == null) {
        return json(
            422,
            "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":"
                + "\"Issue\",\"code\":\"invalid\",\"field\":\"sub_issue_id\"}],"
                + "\"status\":\"422\"}");
      }
      found.put("parent_issue_number", number);
      subIssues.computeIfAbsent(repo + "#" + number, k -> new ArrayList<>()).add(key(found));
      return json(201, found);
    } else if ("/assignees".equals(sub)) {
      assign(issue, method, in.path("assignees"));
      return json("POST".equals(method) ? 201 : 200, issue);
    } else if ("/labels".equals(sub) && "POST".equals(method)) {
      // GitHub adds the labels a repository lacks and keeps the ones the issue has.
      synchronized (issue) {
        ArrayNode have = issue.withArray("labels");
        for (JsonNode name : in.path("labels")) {
          boolean present = false;
          for (JsonNode l : have) {
            present |= l.path("name").asText().equals(name.asText());
          }
          if (!present) {
            have.addObject().put("name", name.asText()).put("color", "d73a4a");
          }
        }
        return json(200, have);
      }
    }
    return notFound();
  }

  /** POST adds the logins GitHub accepts (others it ignores without an error), DELETE removes. */
  private void assign(ObjectNode issue, String method, JsonNode logins) {
    synchronized (issue) {
      ArrayNode assignees = issue.withArray("assignees");
      for (JsonNode login : logins) {
        String l = login.asText();
        if ("POST".equals(method)) {
          if (collaborators.isEmpty() || collaborators.contains(l)) {
            assignees.addObject().put("login", l).put("type", "User");
          }
        } else {
          for (int i = assignees.size() - 1; i >= 0; i--) {
            if (assignees.get(i).path("login").asText().equals(l)) {
              assignees.remove(i);
            }
          }
        }
      }
    }
  }

  private ObjectNode issueJson(String repo, int number, String title, String body, boolean open) {
    ObjectNode issue = JSON.createObjectNode();
    issue
        .put("id", 2_000_000_000L + number)
        .put("node_id", "I_kwDOfake" + number)
        .put("url", apiUrl() + "/repos/" + repo + "/issues/" + number)
        .put("repository_url", apiUrl() + "/repos/" + repo)
        .put("html_url", "https://github.com/" + repo + "/issues/" + number)
        .put("number", number)
        .put("state", open ? "open" : "closed")
        .put("title", title)
        .put("body", body);
    issue.putObject("user").put("login", "meister-bot").put("type", "Bot");
    issue.putArray("labels");
    issue.putArray("assignees");
    return issue;
  }

  private static ArrayNode labels(JsonNode names) {
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode n : names) {
      out.addObject().put("name", n.asText()).put("color", "d73a4a");
    }
    return out;
  }

  static Map<String, String> headers(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
