package dev.meister.core.question;

import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ButtonHandler;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.ReplyHandler;
import dev.meister.core.team.Member;
import java.util.Locale;
import java.util.Optional;

/**
 * Closes a question: {@code /done} in reply to the question or to the bot's answer, {@code /done
 * Q7} anywhere, the ✅ Done button under the answer, or a plain "done" in reply to the answer.
 */
public final class DoneCommand implements CommandHandler {
  private final Questions questions;

  public DoneCommand(Questions questions) {
    this.questions = questions;
  }

  @Override
  public String name() {
    return "done";
  }

  @Override
  public String usage() {
    return "/done [Q-NUMBER]";
  }

  @Override
  public String summary() {
    return "close a question: in reply to it or to my answer, or with its number (/done Q7)";
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
    Member member =
        request
            .sender()
            .orElseThrow(() -> new IllegalStateException("membership is checked first"));
    if (request.args().size() > 1) {
      throw new IllegalArgumentException("Usage: " + usage() + ", e.g. /done Q7");
    }
    long id =
        request.args().isEmpty()
            ? fromReply(request.event())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Which question? Reply /done to it or to my answer, or give its"
                                + " number: /done Q7"))
            : number(request.args().get(0));
    Questions.Closing closing = questions.close(id, member);
    return closing.closed() ? CommandReply.none() : CommandReply.plain(closing.answer());
  }

  /** The ✅ Done button under the bot's answer. */
  public ButtonHandler<ButtonAction.CloseQuestion> button() {
    return (action, press, member) -> questions.close(action.question(), member).answer();
  }

  /** Whether a plain reply is "done" to the bot's answer about a question. */
  public boolean wants(ChatEvent.Reply reply) {
    String text = reply.text().strip().toLowerCase(Locale.ROOT);
    return (text.equals("done") || text.equals("/done"))
        && questions.about(reply.replyTo()).isPresent();
  }

  /** "done" in reply to the bot's answer. */
  public ReplyHandler reply() {
    return (reply, member) ->
        questions
            .about(reply.replyTo())
            .ifPresent(
                q -> {
                  Questions.Closing closing = questions.close(q.id(), member);
                  if (!closing.closed()) {
                    questions.say(reply.message(), closing.answer());
                  }
                });
  }

  private Optional<Long> fromReply(ChatEvent.Command command) {
    Optional<MessageRef> to =
        Optional.ofNullable(command.replyTo())
            .or(() -> Optional.ofNullable(command.quoted()).map(ChatEvent.Quote::message));
    return to.flatMap(questions::about).map(Question::id);
  }

  private static long number(String arg) {
    String digits = arg.replaceFirst("^(?i)(q|#)", "");
    try {
      long n = Long.parseLong(digits);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("'" + arg + "' is no question number; e.g. /done Q7");
  }
}
