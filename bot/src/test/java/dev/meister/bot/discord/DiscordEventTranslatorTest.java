package dev.meister.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class DiscordEventTranslatorTest {
  private static final DiscordInput.User BOB = new DiscordInput.User("2", "bob", "Bob", false);
  private final DiscordEventTranslator translator = new DiscordEventTranslator();

  @Test
  void a_mention_of_the_bot_is_a_mention_and_a_typed_command_under_a_persons_message_quotes_it() {
    DiscordInput.User client = new DiscordInput.User("7", "carol", "Carol", false);

    ChatEvent.Mention m =
        (ChatEvent.Mention)
            translator
                .translate(
                    new DiscordInput.ChannelMessage(
                        "30", null, client, "81", "<@9> is ohlcv late?", true, null))
                .orElseThrow();
    ChatEvent.Command c =
        (ChatEvent.Command)
            translator
                .translate(
                    new DiscordInput.ChannelMessage(
                        "30",
                        null,
                        BOB,
                        "82",
                        "/triage hausmeister",
                        false,
                        new DiscordInput.Quoted("81", client, "<@9> is ohlcv late?")))
                .orElseThrow();

    assertThat(m.text()).isEqualTo("<@9> is ohlcv late?");
    assertThat(c.name()).isEqualTo("triage");
    assertThat(c.args()).containsExactly("hausmeister");
    ChatEvent.Quote quote = java.util.Objects.requireNonNull(c.quoted());
    assertThat(quote.message().messageId()).isEqualTo("81");
    assertThat(quote.author().displayName()).isEqualTo("Carol");
    assertThat(
            translator.translate(
                new DiscordInput.ChannelMessage(
                    "30",
                    null,
                    BOB,
                    "83",
                    "just chatting",
                    false,
                    new DiscordInput.Quoted("81", client, "x"))))
        .isEmpty();
  }

  @Test
  void the_umbrella_command_takes_the_subcommand_from_its_args() {
    ChatEvent.Command c =
        (ChatEvent.Command)
            translator
                .translate(
                    new DiscordInput.SlashCommand(
                        "30", null, BOB, "meister", "schedule buildmeister 2", "800", "tok"))
                .orElseThrow();

    assertThat(c.name()).isEqualTo("schedule");
    assertThat(c.args()).containsExactly("buildmeister", "2");
    assertThat(c.message().messageId()).isEqualTo("interaction:800:tok");
  }

  @Test
  void a_button_press_reads_its_custom_id_as_the_button_action() {
    ChatEvent.ButtonPress p =
        (ChatEvent.ButtonPress)
            translator
                .translate(
                    new DiscordInput.ButtonClick("30", null, BOB, "77", "ack:17", "800", "tok"))
                .orElseThrow();

    assertThat(p.data()).isEqualTo("ack:17");
    assertThat(p.action()).contains(new dev.meister.core.chat.ButtonAction.Ack(17));
    assertThat(p.message().messageId()).isEqualTo("77");
  }

  @Test
  void only_replies_to_the_bot_from_people_are_events() {
    DiscordInput.User bot = new DiscordInput.User("9", "other-bot", "Other", true);

    assertThat(
            translator.translate(
                new DiscordInput.MessageReply("30", null, BOB, "78", "looking", "77", false)))
        .isEmpty();
    assertThat(
            translator.translate(
                new DiscordInput.MessageReply("30", null, bot, "78", "looking", "77", true)))
        .isEmpty();
    ChatEvent.Reply r =
        (ChatEvent.Reply)
            translator
                .translate(
                    new DiscordInput.MessageReply("30", null, BOB, "78", " looking ", "77", true))
                .orElseThrow();
    assertThat(r.text()).isEqualTo("looking");
    assertThat(r.replyTo().messageId()).isEqualTo("77");
  }

  @Test
  void a_reply_to_the_bot_typed_as_a_command_is_that_command_answering_the_message() {
    ChatEvent.Command c =
        (ChatEvent.Command)
            translator
                .translate(
                    new DiscordInput.MessageReply("30", null, BOB, "78", "/Issue 77", "77", true))
                .orElseThrow();

    assertThat(c.name()).isEqualTo("issue");
    assertThat(c.args()).containsExactly("77");
    assertThat(c.message().messageId()).isEqualTo("78");
    assertThat(c.replyTo()).isNotNull();
    assertThat(java.util.Objects.requireNonNull(c.replyTo()).messageId()).isEqualTo("77");
    assertThat(
            translator.translate(
                new DiscordInput.MessageReply("30", null, BOB, "79", "/ shrug", "77", true)))
        .get()
        .isInstanceOf(ChatEvent.Reply.class);
  }

  @Test
  void a_thread_of_a_configured_channel_is_served_and_other_channels_are_not() {
    DiscordInbound inbound = new DiscordInbound(Set.of("30"), e -> {});

    assertThat(inbound.serves(new DiscordInput.ButtonClick("31", "30", BOB, "1", "a:", "8", "t")))
        .isTrue();
    assertThat(inbound.serves(new DiscordInput.ButtonClick("40", null, BOB, "1", "a:", "8", "t")))
        .isFalse();
    inbound.close();
  }

  @Test
  void every_command_becomes_a_slash_command_with_an_args_option_plus_the_umbrella() {
    CommandHandler who =
        new CommandHandler() {
          @Override
          public String name() {
            return "whoisoncall";
          }

          @Override
          public String usage() {
            return "/whoisoncall [ROTATION]";
          }

          @Override
          public String summary() {
            return "who is on call now";
          }

          @Override
          public CommandReply handle(CommandRequest request) {
            return CommandReply.none();
          }
        };

    var data = DiscordGateway.slashCommands(List.of(who));

    assertThat(data).extracting(d -> d.getName()).containsExactly("whoisoncall", "meister");
    assertThat(data.get(0).getOptions())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("args"));
    assertThat(data.get(0).toData().toString()).contains("who is on call now");
  }
}
