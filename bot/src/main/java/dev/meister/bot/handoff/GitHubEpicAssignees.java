package dev.meister.bot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.core.handoff.EpicAssignees;
import dev.meister.core.handoff.EpicMoveException;
import dev.meister.core.handoff.EpicRef;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Moves an epic's assignee with GitHub's REST API: {@code POST} then {@code DELETE
 * /repos/{owner}/{repo}/issues/{number}/assignees}. GitHub silently ignores logins without access
 * to the repository, so the answer is checked for the new assignee.
 */
public final class GitHubEpicAssignees implements EpicAssignees {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl api;
  private final String token;

  /**
   * @param apiBase {@code https://api.github.com}, a GitHub Enterprise {@code .../api/v3}, or a
   *     test server
   */
  public GitHubEpicAssignees(String apiBase, String token) {
    HttpUrl parsed = HttpUrl.parse(apiBase);
    if (parsed == null) {
      throw new IllegalArgumentException("'" + apiBase + "' is not a URL");
    }
    this.api = parsed;
    this.token = token;
    this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
  }

  @Override
  public void move(EpicRef epic, String fromLogin, String toLogin) {
    JsonNode issue = call("POST", epic, toLogin);
    boolean assigned = false;
    for (JsonNode a : issue.path("assignees")) {
      assigned |= toLogin.equalsIgnoreCase(a.path("login").asText());
    }
    if (!assigned) {
      throw new EpicMoveException("GitHub did not assign " + toLogin + " (no access to "
          + epic.owner() + "/" + epic.repo() + "?)", false);
    }
    if (!fromLogin.equalsIgnoreCase(toLogin)) {
      call("DELETE", epic, fromLogin);
    }
  }

  private JsonNode call(String method, EpicRef epic, String login) {
    HttpUrl url = api.newBuilder().addPathSegments("repos").addPathSegment(epic.owner())
        .addPathSegment(epic.repo()).addPathSegment("issues")
        .addPathSegment(Integer.toString(epic.number())).addPathSegment("assignees").build();
    ObjectNode body = JSON.createObjectNode();
    body.putArray("assignees").add(login);
    Request request = new Request.Builder().url(url)
        .header("Accept", "application/vnd.github+json")
        .header("Authorization", "Bearer " + token)
        .header("X-GitHub-Api-Version", "2022-11-28")
        .method(method, RequestBody.create(body.toString(), JSON_TYPE))
        .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      String text = rb == null ? "" : rb.string();
      if (!response.isSuccessful()) {
        throw refused(response.code(), text, response.header("x-ratelimit-remaining"));
      }
      return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new EpicMoveException("GitHub could not be reached (" + e.getClass().getSimpleName()
          + ")", true);
    }
  }

  private static EpicMoveException refused(int status, String body, String remaining) {
    String message = status + " " + githubMessage(body);
    if (status == 429 || (status == 403 && "0".equals(remaining))) {
      return new EpicMoveException("GitHub rate limit: " + message, true);
    }
    // 401/403/404/410/422: credentials, permissions or the issue itself; retrying cannot help.
    return new EpicMoveException("GitHub refused: " + message, status >= 500);
  }

  private static String githubMessage(String body) {
    try {
      String m = JSON.readTree(body).path("message").asText("");
      return m.isEmpty() ? "(no message)" : m;
    } catch (IOException | RuntimeException e) {
      return "(no message)";
    }
  }
}
