package dev.meister.core.chat;

import dev.meister.core.team.Member;
import dev.meister.core.tx.Transactions;
import java.util.Optional;

/**
 * The end of the chain: runs the handler {@link ChatRoutes} has for the event. A command's reply is
 * queued for delivery (in the command's own transaction when it {@linkplain
 * CommandHandler#storesOnly touches only the stores}), or sent privately to the asker at once,
 * after that transaction; a press is answered at once with its handler's toast; a handler's {@link
 * IllegalArgumentException} becomes its message in chat.
 */
public final class ChatRouter implements ChatMiddleware.Next {
  private final ChatRoutes routes;
  private final ChatAnswers answers;
  private final Transactions transactions;

  public ChatRouter(ChatRoutes routes, ChatAnswers answers, Transactions transactions) {
    this.routes = routes;
    this.answers = answers;
    this.transactions = transactions;
  }

  @Override
  public void handle(Inbound inbound) {
    ChatEvent event = inbound.event();
    if (event instanceof ChatEvent.Command command) {
      command(command, inbound.member());
    } else if (event instanceof ChatEvent.ButtonPress press) {
      press(press, inbound.member());
    } else if (event instanceof ChatEvent.Reply reply) {
      reply(reply, inbound.member());
    } else {
      ChatEvent.Mention mention = (ChatEvent.Mention) event;
      routes.mentions().forEach(h -> h.mentioned(mention, inbound.member()));
    }
  }

  private void command(ChatEvent.Command command, Optional<Member> member) {
    Optional<CommandHandler> handler = routes.commands().find(command.name());
    if (handler.isEmpty()) {
      answer(command, HelpCommand.unknown(command.name()));
      return;
    }
    CommandRequest request = new CommandRequest(command, member.orElse(null));
    if (handler.get().storesOnly()) {
      CommandReply reply =
          transactions.inTransaction(
              () -> {
                CommandReply r = run(handler.get(), request);
                if (!r.isPrivate()) {
                  answer(command, r);
                }
                return r;
              });
      if (reply.isPrivate()) {
        // Sent after the commit: a private answer calls the platform at once.
        answer(command, reply);
      }
    } else {
      answer(command, run(handler.get(), request));
    }
  }

  private static CommandReply run(CommandHandler handler, CommandRequest request) {
    try {
      return handler.handle(request);
    } catch (IllegalArgumentException e) {
      return CommandReply.plain(String.valueOf(e.getMessage()));
    }
  }

  private void answer(ChatEvent.Command command, CommandReply reply) {
    if (reply.isEmpty()) {
      return;
    }
    switch (reply.delivery()) {
      case REPLY -> answers.reply(command, reply.message());
      case POST -> answers.post(command, reply.message());
      case PRIVATE -> answers.answerPrivately(command, reply.message());
    }
  }

  private void press(ChatEvent.ButtonPress press, Optional<Member> member) {
    Optional<ButtonAction> action = press.action();
    Optional<ChatRoutes.Button<?>> button = action.flatMap(routes::button);
    if (button.isEmpty()) {
      // An old or foreign button: answer it anyway, or it keeps spinning.
      answers.toast(press, "");
      return;
    }
    String toast;
    try {
      toast = button.get().press(action.get(), press, required(member));
    } catch (IllegalArgumentException e) {
      toast = String.valueOf(e.getMessage());
    }
    answers.toast(press, toast);
  }

  private void reply(ChatEvent.Reply reply, Optional<Member> member) {
    Optional<ChatRoutes.Reply> handler = routes.reply(reply);
    if (handler.isPresent()) {
      handler.get().handler().reply(reply, required(member));
    }
  }

  /** Buttons and replies are for members only; {@link Membership} stopped everyone else. */
  private static Member required(Optional<Member> member) {
    return member.orElseThrow(
        () ->
            new IllegalStateException("no member: the chain must check membership before routing"));
  }
}
