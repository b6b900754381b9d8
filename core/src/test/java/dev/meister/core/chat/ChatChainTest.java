package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Each middleware of the chat chain on its own, with a recording port and reply queue. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChatChainTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.CONSOLE, "console");

  private final Team team =
      new Team(
          List.of(
              new Member(
                  MemberId.of("alice"),
                  "Alice",
                  new ChatIdentities("alice_tg", 42L, null, null),
                  "alice-gh",
                  Set.of(Role.TEAM_LEAD))));
  private final Recording port = new Recording();
  private final List<String> queued = new ArrayList<>();
  private final ChatAnswers answers =
      new ChatAnswers(
          new ChatPorts(List.of(port)),
          new ReplyQueue() {
            @Override
            public void reply(MessageRef to, OutgoingMessage message) {
              queued.add(to.messageId() + " " + message.text().plainText());
            }

            @Override
            public void post(ChatRef chat, OutgoingMessage message) {
              queued.add(chat + " " + message.text().plainText());
            }
          });
  private final List<Inbound> reached = new ArrayList<>();

  @Test
  void error_replies_answer_a_failure_with_its_correlation_id_straight_to_the_chat() {
    ChatChain chain =
        new ChatChain(
            List.of(new ErrorReplies(answers, () -> "c0ffee42")),
            in -> {
              throw new IllegalStateException("kaput");
            });

    chain.handle(command("alice", "boom"));

    assertThat(port.replies)
        .containsExactly(
            "100 Sorry, that failed on my side (error c0ffee42). The logs have the details.");
    assertThat(queued).as("the queue may be what failed").isEmpty();
  }

  @Test
  void error_replies_answer_a_failed_press_with_a_toast_and_never_throw() {
    port.failAnswers = true;
    ChatChain chain =
        new ChatChain(
            List.of(new ErrorReplies(answers, () -> "c0ffee42")),
            in -> {
              throw new IllegalStateException("kaput");
            });

    chain.handle(press("alice", "ack:17"));

    assertThat(port.toasts)
        .containsExactly(
            "Sorry, that failed on my side (error c0ffee42). The logs have the details.");
  }

  @Test
  void the_bots_own_events_stop_before_any_handler() {
    ChatChain chain =
        new ChatChain(
            List.of(new IgnoreOwnMessages(s -> s.userId().equals("meister"))), reached::add);

    chain.handle(command("meister", "help"));
    chain.handle(command("alice", "help"));

    assertThat(reached).extracting(in -> in.event().sender().userId()).containsExactly("alice");
  }

  @Test
  void membership_passes_members_on_with_their_member() {
    ChatRoutes routes =
        new ChatRoutes().button(ButtonAction.Ack.class, "members only", (a, p, m) -> "ok");
    ChatChain chain =
        new ChatChain(
            List.of(new Membership(new MemberResolver(team), routes, answers)), reached::add);

    chain.handle(press("alice", "ack:17"));

    assertThat(reached)
        .singleElement()
        .satisfies(in -> assertThat(in.member()).map(Member::displayName).contains("Alice"));
  }

  @Test
  void membership_refuses_outsiders_with_the_handlers_words() {
    ChatRoutes routes =
        new ChatRoutes()
            .button(ButtonAction.Ack.class, "Only members may ack.", (a, p, m) -> "ok")
            .reply(r -> true, "Only members may reply.", (r, m) -> {});
    ChatChain chain =
        new ChatChain(
            List.of(new Membership(new MemberResolver(team), routes, answers)), reached::add);

    chain.handle(press("mallory", "ack:17"));
    chain.handle(
        new ChatEvent.Reply(
            CHAT,
            sender("mallory"),
            new MessageRef(CHAT, "9"),
            "looking",
            new MessageRef(CHAT, "1")));

    assertThat(reached).isEmpty();
    assertThat(port.toasts).containsExactly("Only members may ack.");
    assertThat(queued).containsExactly("9 Only members may reply.");
  }

  @Test
  void membership_lets_outsiders_through_where_anyone_may() {
    ChatRoutes routes = new ChatRoutes();
    ChatChain chain =
        new ChatChain(
            List.of(new Membership(new MemberResolver(team), routes, answers)), reached::add);

    chain.handle(command("mallory", "whoisoncall"));
    chain.handle(press("mallory", "rerun:1"));

    assertThat(reached).hasSize(2).allSatisfy(in -> assertThat(in.member()).isEmpty());
  }

  @Test
  void a_press_is_toasted_at_once_and_a_broken_one_gets_an_empty_answer() {
    ChatRoutes routes =
        new ChatRoutes()
            .button(ButtonAction.Ack.class, "no", (a, p, m) -> "Thanks for #" + a.alert());
    ChatChain chain =
        new ChatChain(
            List.of(
                new ErrorReplies(answers),
                new Membership(new MemberResolver(team), routes, answers)),
            new ChatRouter(routes, answers, Direct.INSTANCE));

    chain.handle(press("alice", "ack:17"));
    chain.handle(press("alice", "ack:broken"));

    assertThat(port.toasts).containsExactly("Thanks for #17", "");
    assertThat(queued).isEmpty();
  }

  private static ChatEvent.Command command(String user, String name) {
    return new ChatEvent.Command(
        CHAT, sender(user), new MessageRef(CHAT, "100"), name, List.of(), null);
  }

  private static ChatEvent.ButtonPress press(String user, String data) {
    return new ChatEvent.ButtonPress(CHAT, sender(user), new MessageRef(CHAT, "5"), data, "cb");
  }

  private static Sender sender(String user) {
    return new Sender(Platform.CONSOLE, user, user, user);
  }

  /** Runs the work as it comes: these tests have no store. */
  private enum Direct implements dev.meister.core.tx.Transactions {
    INSTANCE;

    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
      return work.get();
    }
  }

  /** Records replies and toasts; can fail the first toast, as a platform might. */
  private static final class Recording implements ChatPort {
    final List<String> replies = new ArrayList<>();
    final List<String> toasts = new ArrayList<>();
    boolean failAnswers;

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public MessageRef post(ChatRef chat, OutgoingMessage message) {
      throw new UnsupportedOperationException("the chain only replies");
    }

    @Override
    public MessageRef reply(MessageRef to, OutgoingMessage message) {
      replies.add(to.messageId() + " " + message.text().plainText());
      return new MessageRef(to.chat(), "r" + replies.size());
    }

    @Override
    public void edit(MessageRef message, OutgoingMessage replacement) {
      throw new UnsupportedOperationException("the chain never edits");
    }

    @Override
    public void answerButton(ChatEvent.ButtonPress press, String toast) {
      toasts.add(toast);
      if (failAnswers) {
        failAnswers = false;
        throw new IllegalStateException("the platform refused the answer");
      }
    }
  }
}
