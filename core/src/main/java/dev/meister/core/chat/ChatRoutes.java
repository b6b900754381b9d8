package dev.meister.core.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every handler the chat serves: one per command (by name), one per kind of button (by its {@link
 * ButtonAction} record) and the handlers of plain replies, each with what people outside the team
 * are told. {@link ChatRouter} runs them.
 */
public final class ChatRoutes {
  private final CommandRegistry commands = new CommandRegistry();
  private final Map<Class<? extends ButtonAction>, Button<?>> buttons = new LinkedHashMap<>();
  private final List<Reply> replies = new ArrayList<>();
  private final List<MentionHandler> mentions = new ArrayList<>();

  public ChatRoutes command(CommandHandler handler) {
    commands.register(handler);
    return this;
  }

  /**
   * Registers the handler of one button action.
   *
   * @param outsiders the toast for a press by someone outside the team
   * @throws IllegalArgumentException when {@code type} already has a handler
   */
  public <A extends ButtonAction> ChatRoutes button(
      Class<A> type, String outsiders, ButtonHandler<A> handler) {
    if (buttons.putIfAbsent(type, new Button<>(type, outsiders, handler)) != null) {
      throw new IllegalArgumentException("button " + type.getSimpleName() + " is registered twice");
    }
    return this;
  }

  /**
   * Registers a handler of plain-text replies to the bot's messages.
   *
   * @param wants which replies the handler takes; the first registered that wants one gets it
   * @param outsiders the answer to someone outside the team
   */
  public ChatRoutes reply(
      Predicate<ChatEvent.Reply> wants, String outsiders, ReplyHandler handler) {
    replies.add(new Reply(wants, outsiders, handler));
    return this;
  }

  /**
   * Registers a handler of messages that mention the bot; every registered handler hears each one.
   * Anyone may mention the bot, so nobody is refused.
   */
  public ChatRoutes mention(MentionHandler handler) {
    mentions.add(handler);
    return this;
  }

  List<MentionHandler> mentions() {
    return List.copyOf(mentions);
  }

  /** The commands, in the order {@code /help} lists them. */
  public CommandRegistry commands() {
    return commands;
  }

  /** What to tell someone outside the team who sent {@code event}; empty when anyone may. */
  public Optional<String> refusalForOutsiders(ChatEvent event) {
    if (event instanceof ChatEvent.Command c) {
      return commands
          .find(c.name())
          .filter(CommandHandler::changesState)
          .map(h -> "Sorry, only members of the team can use /" + c.name() + ".");
    }
    if (event instanceof ChatEvent.ButtonPress p) {
      return p.action().flatMap(this::button).map(Button::outsiders);
    }
    if (event instanceof ChatEvent.Reply r) {
      return reply(r).map(Reply::outsiders);
    }
    return Optional.empty(); // A mention: anyone may ask.
  }

  Optional<Button<?>> button(ButtonAction action) {
    return Optional.ofNullable(buttons.get(action.getClass()));
  }

  Optional<Reply> reply(ChatEvent.Reply reply) {
    return replies.stream().filter(r -> r.wants().test(reply)).findFirst();
  }

  record Button<A extends ButtonAction>(Class<A> type, String outsiders, ButtonHandler<A> handler) {
    String press(ButtonAction action, ChatEvent.ButtonPress press, dev.meister.core.team.Member m) {
      return handler.press(type.cast(action), press, m);
    }
  }

  record Reply(Predicate<ChatEvent.Reply> wants, String outsiders, ReplyHandler handler) {}
}
