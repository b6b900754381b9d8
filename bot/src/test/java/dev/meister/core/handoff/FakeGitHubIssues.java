package dev.meister.core.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GitHub's issue assignee endpoints on loopback, answering with the issue as GitHub does (201 for
 * POST, 200 for DELETE, the issue with its {@code assignees}); failures can be queued.
 */
public final class FakeGitHubIssues implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request received. */
  public record Call(String method, String path, String authorization, JsonNode body) {}

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Set<String> assignees = new LinkedHashSet<>();
  private final Set<String> collaborators = new LinkedHashSet<>();
  private final Deque<Integer> failures = new ArrayDeque<>();

  public FakeGitHubIssues(String... initialAssignees) throws IOException {
    assignees.addAll(List.of(initialAssignees));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Logins GitHub would accept as assignees; empty means everyone. */
  public synchronized FakeGitHubIssues onlyCollaborators(String... logins) {
    collaborators.addAll(List.of(logins));
    return this;
  }

  /** The next requests fail with these statuses, in order. */
  public synchronized FakeGitHubIssues failNext(Integer... statuses) {
    failures.addAll(List.of(statuses));
    return this;
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized Set<String> assignees() {
    return Set.copyOf(assignees);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    calls.add(new Call(ex.getRequestMethod(), path, auth, body));
    if (!failures.isEmpty()) {
      int status = failures.poll();
      send(ex, status, "{\"message\":\"" + (status == 403 ? "Resource not accessible by"
          + " integration" : "Server Error") + "\",\"documentation_url\":"
          + "\"https://docs.github.com/rest/issues/assignees\",\"status\":\"" + status + "\"}");
      return;
    }
    if (!path.matches("/repos/[^/]+/[^/]+/issues/\\d+/assignees")) {
      send(ex, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
      return;
    }
    for (JsonNode login : body.path("assignees")) {
      String l = login.asText();
      if (ex.getRequestMethod().equals("POST")
          && (collaborators.isEmpty() || collaborators.contains(l))) {
        assignees.add(l);
      } else if (ex.getRequestMethod().equals("DELETE")) {
        assignees.remove(l);
      }
    }
    send(ex, ex.getRequestMethod().equals("POST") ? 201 : 200, issue(path).toString());
  }

  private ObjectNode issue(String path) {
    int number = Integer.parseInt(path.split("/")[5]);
    ObjectNode issue = JSON.createObjectNode();
    issue.put("id", 1_000_000 + number);
    issue.put("number", number);
    issue.put("state", "open");
    issue.put("title", "DagMeister");
    ArrayNode list = issue.putArray("assignees");
    int id = 1;
    for (String login : assignees) {
      ObjectNode user = list.addObject();
      user.put("login", login);
      user.put("id", id++);
      user.put("type", "User");
    }
    if (list.isEmpty()) {
      issue.putNull("assignee");
    } else {
      issue.set("assignee", list.get(0));
    }
    return issue;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
