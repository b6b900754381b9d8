package dev.meister.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleSessionTest {
  private final List<ChatEvent> events = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final AtomicLong ids = new AtomicLong();
  private final ConsoleSession session =
      new ConsoleSession(
          events::add,
          new Member(MemberId.of("alice"), "Alice", ChatIdentities.none(), null, Set.of()),
          ids,
          new PrintStream(out, true, StandardCharsets.UTF_8));

  @Test
  void a_line_that_mentions_meister_is_a_mention_and_an_email_address_is_not() throws Exception {
    session.run(input("@Meister is ohlcv late?\nwrite to ops@meister.dev\n"));

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ChatEvent.Mention.class,
            m -> assertThat(m.text()).isEqualTo("@Meister is ohlcv late?"));
  }

  @Test
  void a_slash_line_is_a_command_with_its_arguments() throws Exception {
    session.run(input("/WhoIsOnCall hausmeister\n"));

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ChatEvent.Command.class,
            c -> {
              assertThat(c.name()).isEqualTo("whoisoncall");
              assertThat(c.args()).containsExactly("hausmeister");
              assertThat(c.sender().userId()).isEqualTo("alice");
              assertThat(c.replyTo()).isNull();
            });
  }

  @Test
  void a_reply_line_refers_to_the_numbered_bot_message() throws Exception {
    session.run(input(">3 looking into it\n>4 /issue 9110\n"));

    assertThat(events).hasSize(2);
    assertThat(events.get(0))
        .isInstanceOfSatisfying(
            ChatEvent.Reply.class,
            r -> {
              assertThat(r.text()).isEqualTo("looking into it");
              assertThat(r.replyTo()).isEqualTo(new MessageRef(ConsoleSession.CHAT, "3"));
            });
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            ChatEvent.Command.class,
            c -> {
              assertThat(c.name()).isEqualTo("issue");
              assertThat(c.args()).containsExactly("9110");
              assertThat(c.replyTo()).isEqualTo(new MessageRef(ConsoleSession.CHAT, "4"));
            });
  }

  @Test
  void a_bang_line_presses_a_button_on_the_numbered_message() throws Exception {
    session.run(input("!5 ack 17\n"));

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ChatEvent.ButtonPress.class,
            b -> {
              assertThat(b.data()).isEqualTo("ack:17");
              assertThat(b.action()).contains(new dev.meister.core.chat.ButtonAction.Ack(17));
              assertThat(b.message()).isEqualTo(new MessageRef(ConsoleSession.CHAT, "5"));
            });
  }

  @Test
  void numbers_refer_to_the_bots_real_messages_and_their_buttons() throws Exception {
    ConsoleChatPort port =
        new ConsoleChatPort(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new dev.meister.core.team.Team(List.of()),
            ids);
    dev.meister.core.chat.ChatRef telegram =
        dev.meister.core.chat.ChatRef.of(dev.meister.core.chat.Platform.TELEGRAM, "-100123");
    MessageRef alert =
        port.standingInFor(dev.meister.core.chat.Platform.TELEGRAM)
            .post(
                telegram,
                new dev.meister.core.chat.OutgoingMessage(
                    dev.meister.core.chat.RichText.plain("boom"),
                    List.of(
                        new dev.meister.core.chat.Button(
                            "👀 Looking", new dev.meister.core.chat.ButtonAction.Ack(17)))));
    ConsoleSession resolving =
        new ConsoleSession(
                events::add,
                new Member(MemberId.of("alice"), "Alice", ChatIdentities.none(), null, Set.of()),
                ids,
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .resolvingMessagesWith(port);

    resolving.run(input(">" + alert.messageId() + " looking\n!" + alert.messageId() + " ack\n"));

    assertThat(events.get(0))
        .isInstanceOfSatisfying(
            ChatEvent.Reply.class,
            r -> {
              assertThat(r.replyTo()).isEqualTo(alert);
              assertThat(r.chat()).isEqualTo(telegram);
            });
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            ChatEvent.ButtonPress.class,
            b -> {
              assertThat(b.message()).isEqualTo(alert);
              assertThat(b.data()).isEqualTo("ack:17");
            });
  }

  @Test
  void quit_ends_the_session_and_gibberish_gets_a_hint() throws Exception {
    session.run(input("hello?\n/quit\n/help\n"));

    assertThat(events).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("type /help for commands");
  }

  private static BufferedReader input(String text) {
    return new BufferedReader(new StringReader(text));
  }
}
