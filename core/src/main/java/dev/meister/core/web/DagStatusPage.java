package dev.meister.core.web;

import dev.meister.core.schedule.TimeFormat;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusPost;
import dev.meister.core.status.StatusPostStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "DAG status" page: for each configured status post ({@code status_posts:}), the latest post
 * Meister made — the same text the chat shows, edited in place while the run goes on.
 */
public record DagStatusPage(List<Board> boards) {
  public DagStatusPage {
    boards = List.copyOf(boards);
  }

  /**
   * One configured DAG and its latest post, if one was made.
   *
   * @param updated when the post was last polled, in the board's zone
   * @param following whether Meister still edits it (the run has not ended)
   */
  public record Board(
      String name,
      String dagId,
      String airflow,
      Optional<String> day,
      Optional<String> chat,
      Optional<String> updated,
      boolean following,
      Optional<String> text) {}

  public static DagStatusPage of(List<StatusBoard> boards, StatusPostStore posts) {
    List<Board> rows = new ArrayList<>();
    for (StatusBoard b : boards) {
      Optional<StatusPost> post = posts.latest(b.name());
      rows.add(
          new Board(
              b.name(),
              b.dagId(),
              b.airflow(),
              post.map(p -> p.day().toString()),
              post.map(p -> p.chat().toString()),
              post.flatMap(p -> Optional.ofNullable(p.polledAt()))
                  .map(t -> TimeFormat.at(t, b.zone())),
              post.map(p -> !p.finished()).orElse(false),
              post.map(StatusPost::text)));
    }
    return new DagStatusPage(rows);
  }
}
