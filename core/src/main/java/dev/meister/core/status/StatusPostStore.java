package dev.meister.core.status;

import dev.meister.core.chat.ChatRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the status posts made, durable so a restart keeps editing the same messages. */
public interface StatusPostStore {
  Optional<StatusPost> find(String board, LocalDate day, ChatRef chat);

  /** Records a new post; ignored when that board, day and chat already has one. */
  void create(StatusPost post);

  /** Stores a poll's outcome: its time, the text queued and whether the post is finished. */
  void update(StatusPost post);

  /** Posts still followed, oldest first, with the delivered message id where known. */
  List<StatusPost> active();

  /**
   * The newest post of {@code board} in any chat, finished or not: the latest day, and of that
   * day's posts the last polled (the web page's "DAG status").
   */
  Optional<StatusPost> latest(String board);
}
