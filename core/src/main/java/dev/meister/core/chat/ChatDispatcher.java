package dev.meister.core.chat;

import dev.meister.core.tx.Transactions;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where every adapter delivers inbound events: the chat chain of {@link ErrorReplies} (the one
 * place failures are caught, answered with a correlation id), {@link IgnoreOwnMessages}, {@link
 * Membership}, then the {@link ChatRouter} running the handler {@link ChatRoutes} has for the
 * event. Never throws.
 */
public final class ChatDispatcher implements ChatEventHandler {
  private final ChatChain chain;

  /**
   * @param replies where command replies are queued for delivery
   * @param isBot true for the bot's own identity, whose events are dropped
   */
  public ChatDispatcher(
      ChatRoutes routes,
      MemberResolver members,
      ChatPorts ports,
      ReplyQueue replies,
      Transactions transactions,
      Predicate<Sender> isBot) {
    ChatAnswers answers = new ChatAnswers(ports, replies);
    this.chain =
        new ChatChain(
            List.of(
                new ErrorReplies(answers),
                new IgnoreOwnMessages(isBot),
                new Membership(members, routes, answers)),
            new ChatRouter(routes, answers, transactions));
  }

  @Override
  public void handle(ChatEvent event) {
    chain.handle(event);
  }
}
