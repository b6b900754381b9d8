package dev.meister.core.review;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationChats;

/**
 * {@code /issues [ROTATION]}: the rotation's open issues from GitHub, most urgent first, with age,
 * assignee and last activity; stale ones and those resolved by disabling tests flagged. Without a
 * rotation: the one posting to this chat, or the only one. Read-only, so anyone may ask; it asks
 * GitHub, so it runs outside a transaction.
 */
public final class IssuesCommand implements CommandHandler {
  private final IssueReviews reviews;
  private final RotationChats rotations;
  private final OpenQuestions questions;

  /**
   * @param questions the open questions asked in chat, listed after the issues
   */
  public IssuesCommand(IssueReviews reviews, RotationChats rotations, OpenQuestions questions) {
    this.reviews = reviews;
    this.rotations = rotations;
    this.questions = questions;
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
    return "the rotation's open issues on GitHub, most urgent first; stale ones flagged; open questions";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    if (request.args().size() > 1) {
      throw new IllegalArgumentException(
          "Usage: " + usage() + ", e.g. /issues " + rotations.example());
    }
    Rotation rotation =
        request.args().isEmpty()
            ? rotations
                .of(request.event().chat())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Which rotation? "
                                + usage()
                                + "; rotations: "
                                + rotations.known()
                                + "."))
            : rotations.named(request.args().get(0));
    IssueReview review = reviews.review(rotation);
    return CommandReply.of(
        RichText.builder()
            .append(ReviewMessages.render(review))
            .append(questions.render(rotation.id(), review.at()))
            .build());
  }
}
