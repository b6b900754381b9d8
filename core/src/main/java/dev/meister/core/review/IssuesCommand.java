package dev.meister.core.review;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /issues [ROTATION]}: the rotation's open issues from GitHub, most urgent first, with age,
 * assignee and last activity; stale ones and those resolved by disabling tests flagged. Without a
 * rotation: the one posting to this chat, or the only one. Read-only, so anyone may ask; it asks
 * GitHub, so it runs outside a transaction.
 */
public final class IssuesCommand implements CommandHandler {
  private final IssueReviews reviews;
  private final OnCallDirectory directory;
  private final Map<RotationId, ChatRef> chats;

  /**
   * @param chats the chat each rotation posts to, to pick the rotation of the chat asked in
   */
  public IssuesCommand(
      IssueReviews reviews, OnCallDirectory directory, Map<RotationId, ChatRef> chats) {
    this.reviews = reviews;
    this.directory = directory;
    this.chats = Map.copyOf(chats);
  }

  @Override
  public String name() {
    return "issues";
  }

  @Override
  public String usage() {
    return "/issues [ROTATION]";
  }

  @Override
  public String summary() {
    return "the rotation's open issues on GitHub, most urgent first; stale ones flagged";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    if (request.args().size() > 1) {
      throw new IllegalArgumentException("Usage: " + usage() + ", e.g. /issues " + example());
    }
    Rotation rotation =
        request.args().isEmpty()
            ? ofChat(request.event().chat())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Which rotation? " + usage() + "; rotations: " + known() + "."))
            : directory
                .findByName(request.args().get(0))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "No rotation '"
                                + request.args().get(0)
                                + "'. Rotations: "
                                + known()
                                + "."));
    return CommandReply.of(ReviewMessages.render(reviews.review(rotation)));
  }

  /** The only rotation, or the one whose chat this is (a thread of it included). */
  private Optional<Rotation> ofChat(ChatRef chat) {
    List<Rotation> all = directory.rotations();
    if (all.size() == 1) {
      return Optional.of(all.get(0));
    }
    List<Rotation> here =
        all.stream()
            .filter(
                r -> Optional.ofNullable(chats.get(r.id())).filter(c -> same(c, chat)).isPresent())
            .toList();
    return here.size() == 1 ? Optional.of(here.get(0)) : Optional.empty();
  }

  private static boolean same(ChatRef a, ChatRef b) {
    return a.platform() == b.platform() && a.chatId().equals(b.chatId());
  }

  private String known() {
    return directory.rotations().stream()
        .map(r -> r.id().value())
        .collect(Collectors.joining(", "));
  }

  private String example() {
    return directory.rotations().stream().findFirst().map(r -> r.id().value()).orElse("ROTATION");
  }
}
