package dev.meister.core.filing;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.Member;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code /issue new [LEVEL] TITLE} is asked: checks the report can be served and records it
 * durably; {@link ReportFiling} files it on GitHub later, off the chat's thread.
 */
public final class ReportDesk {
  static final String USAGE = "/issue new [LEVEL] TITLE";

  private final boolean enabled;
  private final IssueReports reports;
  private final List<Rotation> rotations;
  private final Map<RotationId, ChatRef> rotationChats;
  private final PriorityScale scale;
  private final Clock clock;

  /**
   * @param enabled false when no GitHub token is configured
   * @param rotationChats each rotation's chat: a report is the rotation's whose chat it is said in
   */
  public ReportDesk(
      boolean enabled,
      IssueReports reports,
      List<Rotation> rotations,
      Map<RotationId, ChatRef> rotationChats,
      PriorityScale scale,
      Clock clock) {
    this.enabled = enabled;
    this.reports = reports;
    this.rotations = List.copyOf(rotations);
    this.rotationChats = Map.copyOf(rotationChats);
    this.scale = scale;
    this.clock = clock;
  }

  /**
   * Queues a report from the words after {@code new}; the answer comes later under {@code message}.
   *
   * @return a short note for the person
   * @throws IllegalArgumentException saying why nothing was queued
   */
  public String request(List<String> words, MessageRef message, Member who) {
    if (!enabled) {
      throw new IllegalArgumentException(
          "Issue filing is off: no GitHub token is set"
              + " (github.token in the configuration, e.g. ${GITHUB_TOKEN}).");
    }
    List<String> rest = new ArrayList<>(words);
    Optional<String> priority = Optional.empty();
    if (!rest.isEmpty() && looksLikeLevel(rest.get(0))) {
      String word = rest.remove(0);
      priority =
          Optional.of(
              scale
                  .level(word)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "'"
                                  + word
                                  + "' is not a priority of "
                                  + scale.describe()
                                  + "; "
                                  + USAGE
                                  + ".")));
    }
    String title = String.join(" ", rest).strip();
    if (title.isEmpty()) {
      throw new IllegalArgumentException(
          "Give the issue a title: " + USAGE + ", e.g. /issue new P3 Contracts load is slow.");
    }
    RotationId rotation = rotationOf(message.chat());
    reports.enqueue(rotation, title, priority, who.id(), message, clock.instant());
    return "Filing “" + title + "”" + priority.map(p -> " as " + p).orElse("") + "…";
  }

  /** A level of the scale, or a word shaped like one ({@code P7}): a typo, not a title's start. */
  private boolean looksLikeLevel(String word) {
    return scale.level(word).isPresent() || word.matches("(?i)p\\d+");
  }

  private RotationId rotationOf(ChatRef chat) {
    List<RotationId> here =
        rotationChats.entrySet().stream()
            // Said in a thread of the rotation's chat is said in its chat.
            .filter(
                e ->
                    e.getValue().platform() == chat.platform()
                        && e.getValue().chatId().equals(chat.chatId()))
            .map(Map.Entry::getKey)
            .toList();
    if (here.size() == 1) {
      return here.get(0);
    }
    if (here.isEmpty() && rotations.size() == 1) {
      return rotations.get(0).id();
    }
    throw new IllegalArgumentException(
        "Say /issue new in a rotation's chat, so I know whose labels and on-call to use.");
  }
}
