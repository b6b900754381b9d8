package dev.meister.core.question;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationChats;
import java.util.Optional;

/**
 * {@code /triage [ROTATION]} in reply to someone's message: track it as a question for the
 * rotation's on-call, as if its author had mentioned the bot in a help channel. Without ROTATION:
 * the rotation whose help channel or chat this is, or the only one.
 */
public final class TriageCommand implements CommandHandler {
  private final Questions questions;
  private final RotationChats rotations;

  public TriageCommand(Questions questions, RotationChats rotations) {
    this.questions = questions;
    this.rotations = rotations;
  }

  @Override
  public String name() {
    return "triage";
  }

  @Override
  public String usage() {
    return "/triage [ROTATION]";
  }

  @Override
  public String summary() {
    return "in reply to someone's message: track it as a question for the on-call";
  }

  @Override
  public boolean changesState() {
    return true;
  }

  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    ChatEvent.Command command = request.event();
    if (request.args().size() > 1) {
      throw new IllegalArgumentException(
          "Usage: reply " + usage() + " to the message with the question.");
    }
    ChatEvent.Quote quote = command.quoted();
    if (quote == null) {
      throw new IllegalArgumentException(
          command.replyTo() != null
              ? "Reply /triage to the question itself, not to one of my messages."
              : "Usage: reply "
                  + usage()
                  + " to the message with the question (or mention me in a help channel).");
    }
    Rotation rotation = rotation(request);
    Optional<Question> before =
        questions.track(
            rotation,
            quote.message(),
            quote.author(),
            quote.text(),
            request.sender().map(m -> m.id()));
    return before
        .map(
            q ->
                CommandReply.plain(
                    "Already tracked as Q"
                        + q.id()
                        + (q.isOpen()
                            ? " (open)."
                            : " (closed by " + q.closed().get().closedBy() + ").")))
        .orElse(CommandReply.none());
  }

  private Rotation rotation(CommandRequest request) {
    if (!request.args().isEmpty()) {
      return rotations.named(request.args().get(0));
    }
    return questions
        .channels()
        .rotationOf(request.event().chat())
        .flatMap(rotations.directory()::find)
        .or(() -> rotations.of(request.event().chat()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Which rotation? Reply "
                        + usage()
                        + "; rotations: "
                        + rotations.known()
                        + "."));
  }
}
