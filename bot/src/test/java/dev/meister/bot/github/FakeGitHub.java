package dev.meister.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's REST API on loopback, under {@code /api/v3} as GitHub Enterprise serves it: workflow
 * run jobs, job logs by 302 redirect to a blob URL, issues, comments, sub-issues and assignees, in
 * GitHub's JSON shapes. Answers can be scripted to fail (403, 422, 5xx, rate limits).
 */
public final class FakeGitHub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO_PATH = Pattern.compile("/api/v3/repos/([\\w.-]+/[\\w.-]+)(/.*)");

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
  public record Scripted(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<Long, ArrayNode> jobsByRun = new ConcurrentHashMap<>();
  private final Map<Long, String> logs = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> issues = new ConcurrentHashMap<>();
  /** Answers given instead of the normal one, by "METHOD path-suffix-regex", used once each. */
  private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
  private final AtomicInteger nextNumber = new AtomicInteger(9110);

  public FakeGitHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API root to configure, e.g. {@code http://127.0.0.1:PORT/api/v3}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
  }

  /** A run whose jobs are given as (name, conclusion, failed step or null, log or null). */
  public void run(long runId, List<Job> jobs) {
    ArrayNode list = JSON.createArrayNode();
    for (Job j : jobs) {
      ObjectNode job = list.addObject();
      job.put("id", j.id()).put("run_id", runId).put("name", j.name())
          .put("status", "completed").put("conclusion", j.conclusion())
          .put("html_url", "https://github.com/acme/widgets/actions/runs/" + runId + "/job/"
              + j.id());
      ArrayNode steps = job.putArray("steps");
      steps.addObject().put("name", "Set up job").put("status", "completed")
          .put("conclusion", "success").put("number", 1);
      String step = j.failedStep();
      steps.addObject().put("name", step == null ? "Run tests" : step)
          .put("status", "completed")
          .put("conclusion", step == null ? "success" : "failure").put("number", 2);
      String log = j.log();
      if (log != null) {
        logs.put(j.id(), log);
      }
    }
    jobsByRun.put(runId, list);
  }

  /** One job of a run. */
  public record Job(long id, String name, String conclusion,
      @Nullable String failedStep,
      @Nullable String log) {}

  /** An existing issue, e.g. an epic. */
  public void issue(String repo, int number, String title, boolean open) {
    issues.put(repo + "#" + number, issueJson(repo, number, title, "", open));
  }

  /** The next request matching {@code method} and {@code pathRegex} gets {@code answer}. */
  public void failNext(String method, String pathRegex, Scripted answer) {
    scripted.computeIfAbsent(method + " " + pathRegex, k -> new ArrayDeque<>()).add(answer);
  }

  public static Scripted error(int status, String message) {
    return new Scripted(status, Map.of(), "{\"message\":\"" + message
        + "\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"" + status
        + "\"}");
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  public List<Received> received(String method, String pathRegex) {
    return received.stream().filter(r -> r.method().equals(method)
        && r.path().matches(pathRegex)).toList();
  }

  public JsonNode issue(String repo, int number) {
    ObjectNode issue = issues.get(repo + "#" + number);
    if (issue == null) {
      throw new AssertionError("no issue " + repo + "#" + number);
    }
    return issue;
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    received.add(new Received(method, path, body, auth == null ? "" : auth));
    try {
      for (Map.Entry<String, Deque<Scripted>> e : scripted.entrySet()) {
        String[] key = e.getKey().split(" ", 2);
        if (key[0].equals(method) && path.matches(key[1])) {
          Scripted s = e.getValue().poll();
          if (s != null) {
            s.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            send(ex, s.status(), s.body(), "application/json");
            return;
          }
        }
      }
      route(ex, method, path, body);
    } catch (RuntimeException e) {
      send(ex, 500, "{\"message\":\"fake failed: " + e + "\"}", "application/json");
    }
  }

  private void route(HttpExchange ex, String method, String path, String body)
      throws IOException {
    if (path.startsWith("/blob/job-logs/")) {
      long id = Long.parseLong(path.substring("/blob/job-logs/".length()));
      send(ex, 200, logs.getOrDefault(id, ""), "text/plain");
      return;
    }
    Matcher m = REPO_PATH.matcher(path);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (!m.matches() || auth == null || !auth.startsWith("Bearer ")) {
      send(ex, 401, "{\"message\":\"Requires authentication\"}", "application/json");
      return;
    }
    String repo = m.group(1);
    String rest = m.group(2);
    Matcher g;
    if ("GET".equals(method) && (g = Pattern.compile("/actions/runs/(\\d+)/jobs").matcher(rest))
        .matches()) {
      ArrayNode jobs = jobsByRun.get(Long.parseLong(g.group(1)));
      if (jobs == null) {
        send(ex, 404, "{\"message\":\"Not Found\"}", "application/json");
        return;
      }
      ObjectNode out = JSON.createObjectNode().put("total_count", jobs.size());
      out.set("jobs", jobs);
      json(ex, 200, out);
    } else if ("GET".equals(method)
        && (g = Pattern.compile("/actions/jobs/(\\d+)/logs").matcher(rest)).matches()) {
      ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
          + "/blob/job-logs/" + g.group(1) + "?sig=short-lived");
      send(ex, 302, "", "text/plain");
    } else if ("POST".equals(method) && rest.equals("/issues")) {
      JsonNode in = JSON.readTree(body);
      int number = nextNumber.getAndIncrement();
      ObjectNode issue = issueJson(repo, number, in.path("title").asText(),
          in.path("body").asText(), true);
      issue.set("labels", labels(in.path("labels")));
      issues.put(repo + "#" + number, issue);
      json(ex, 201, issue);
    } else if ((g = Pattern.compile("/issues/(\\d+)(/.*)?").matcher(rest)).matches()) {
      issueRoute(ex, method, repo, Integer.parseInt(g.group(1)), g.group(2), body);
    } else {
      send(ex, 404, "{\"message\":\"Not Found\"}", "application/json");
    }
  }

  private void issueRoute(HttpExchange ex, String method, String repo, int number,
      String sub, String body) throws IOException {
    ObjectNode issue = issues.get(repo + "#" + number);
    if (issue == null) {
      send(ex, 404, "{\"message\":\"Not Found\",\"documentation_url\":"
          + "\"https://docs.github.com/rest/issues/issues#get-an-issue\",\"status\":\"404\"}",
          "application/json");
      return;
    }
    JsonNode in = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    if (sub == null && "GET".equals(method)) {
      json(ex, 200, issue);
    } else if (sub == null && "PATCH".equals(method)) {
      if (in.has("body")) {
        issue.put("body", in.path("body").asText());
      }
      json(ex, 200, issue);
    } else if ("/comments".equals(sub) && "POST".equals(method)) {
      json(ex, 201, JSON.createObjectNode().put("id", 1_500_000 + received.size())
          .put("body", in.path("body").asText())
          .put("html_url", issue.path("html_url").asText() + "#issuecomment-1"));
    } else if ("/sub_issues".equals(sub) && "POST".equals(method)) {
      long child = in.path("sub_issue_id").asLong();
      ObjectNode found = issues.values().stream().filter(i -> i.path("id").asLong() == child)
          .findFirst().orElse(null);
      if (found == null) {
        send(ex, 422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\","
            + "\"code\":\"invalid\",\"field\":\"sub_issue_id\"}],\"status\":\"422\"}",
            "application/json");
        return;
      }
      found.put("parent_issue_number", number);
      json(ex, 201, found);
    } else if ("/assignees".equals(sub)) {
      ArrayNode assignees = issue.withArray("assignees");
      for (JsonNode login : in.path("assignees")) {
        if ("POST".equals(method)) {
          assignees.addObject().put("login", login.asText()).put("type", "User");
        } else {
          for (int i = assignees.size() - 1; i >= 0; i--) {
            if (assignees.get(i).path("login").asText().equals(login.asText())) {
              assignees.remove(i);
            }
          }
        }
      }
      json(ex, "POST".equals(method) ? 201 : 200, issue);
    } else {
      send(ex, 404, "{\"message\":\"Not Found\"}", "application/json");
    }
  }

  private ObjectNode issueJson(String repo, int number, String title, String body, boolean open) {
    ObjectNode issue = JSON.createObjectNode();
    issue.put("id", 2_000_000_000L + number)
        .put("node_id", "I_kwDOfake" + number)
        .put("url", apiUrl() + "/repos/" + repo + "/issues/" + number)
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

  private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, body.toString(), "application/json; charset=utf-8");
  }

  private static void send(HttpExchange ex, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    if (!ex.getResponseHeaders().containsKey("x-ratelimit-remaining")) {
      ex.getResponseHeaders().add("x-ratelimit-limit", "5000");
      ex.getResponseHeaders().add("x-ratelimit-remaining", "4999");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } else {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static Map<String, String> headers(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
