package dev.meister.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueSnapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GitHub's issue JSON (https://docs.github.com/en/rest/issues/issues#get-an-issue; the
 * sub-issues list, https://docs.github.com/en/rest/issues/sub-issues#list-sub-issues, is an array
 * of the same objects) into {@link IssueSnapshot}s.
 */
final class IssueSnapshots {
  /** {@code https://api.github.com/repos/OWNER/REPO}: where a sub-issue lives. */
  private static final Pattern REPOSITORY_URL = Pattern.compile(".*/repos/([\\w.-]+/[\\w.-]+)$");

  private IssueSnapshots() {}

  /** The issue in {@code node}; {@code repo} when it does not say which repository it is in. */
  static IssueSnapshot of(JsonNode n, String repo) {
    Matcher m = REPOSITORY_URL.matcher(n.path("repository_url").asText(""));
    String in = m.matches() ? m.group(1) : repo;
    int number = n.path("number").asInt();
    String url = n.path("html_url").asText("https://github.com/" + in + "/issues/" + number);
    List<String> labels = new ArrayList<>();
    for (JsonNode l : n.path("labels")) {
      // Labels come as objects; GitHub's older answers and some events give plain names.
      labels.add(l.isTextual() ? l.asText() : l.path("name").asText(""));
    }
    List<String> assignees = new ArrayList<>();
    for (JsonNode a : n.path("assignees")) {
      assignees.add(a.path("login").asText(""));
    }
    if (assignees.isEmpty() && n.path("assignee").hasNonNull("login")) {
      assignees.add(n.path("assignee").path("login").asText());
    }
    return new IssueSnapshot(
        new IssueRef(in, number, url),
        n.path("title").asText(""),
        "open".equals(n.path("state").asText("open")),
        labels,
        assignees,
        instant(n, "created_at"),
        instant(n, "updated_at"));
  }

  /** An ISO-8601 time GitHub gives ({@code 2011-04-22T13:33:48Z}); empty if absent or garbled. */
  private static Optional<Instant> instant(JsonNode n, String field) {
    try {
      return n.hasNonNull(field)
          ? Optional.of(Instant.parse(n.path(field).asText()))
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The sub-issues list, at most {@code limit}. */
  static List<IssueSnapshot> list(JsonNode array, String repo, int limit) {
    List<IssueSnapshot> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (out.size() == limit) {
        break;
      }
      out.add(of(n, repo));
    }
    return out;
  }
}
