package dev.meister.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.meister.core.chat.ChatEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Discord interactions and messages as the gateway hands them over, with hostile texts and ids: the
 * translator makes an event or none, never an exception (which {@link DiscordInbound} would only
 * log, losing the input).
 *
 * <p>JDA has already parsed the gateway's JSON, so an input is the fields of one {@link
 * DiscordInput}, one per line: kind ({@code slash}, {@code button}, {@code reply}, {@code message},
 * anything else a quoting message), channel, user id, username, display name, bot ({@code true}),
 * then the kind's own fields in the record's order. Missing lines are empty. Seeds: {@code
 * DiscordInteractionFuzzTestInputs/}.
 */
class DiscordInteractionFuzzTest {
  private static final DiscordEventTranslator TRANSLATOR = new DiscordEventTranslator();

  @FuzzTest(maxDuration = "60s")
  void every_interaction_is_an_event_or_none(byte[] input) {
    Fields f = new Fields(new String(input, StandardCharsets.UTF_8).split("\n", -1));
    DiscordInput.User user =
        new DiscordInput.User(f.at(2), f.at(3), f.at(4), f.at(5).equals("true"));
    String channel = f.at(1);
    boolean quoting = !List.of("slash", "button", "reply", "message").contains(f.at(0));
    boolean idsBlank =
        f.at(0).equals("slash")
            ? false
            : f.at(7).isBlank()
                || (f.at(0).equals("reply") && f.at(9).isBlank())
                // A quoted message and its author are JDA objects too, with their snowflakes
                // (found by -Pfuzz: a blank quoted id is no input Discord can send).
                || (quoting && (f.at(10).isBlank() || f.at(11).isBlank()));
    if (channel.isBlank() || user.id().isBlank() || idsBlank) {
      return; // JDA always has the channel's and the user's snowflake.
    }
    @Nullable String parent = f.at(6).isEmpty() ? null : f.at(6);
    DiscordInput in =
        switch (f.at(0)) {
          case "slash" ->
              new DiscordInput.SlashCommand(channel, parent, user, f.at(7), f.at(8), f.at(9), "t");
          case "button" ->
              new DiscordInput.ButtonClick(channel, parent, user, f.at(7), f.at(8), f.at(9), "t");
          case "reply" ->
              new DiscordInput.MessageReply(
                  channel, parent, user, f.at(7), f.at(8), f.at(9), f.at(10).equals("true"));
          case "message" ->
              new DiscordInput.ChannelMessage(
                  channel, parent, user, f.at(7), f.at(8), f.at(9).equals("true"), null);
          default ->
              new DiscordInput.ChannelMessage(
                  channel,
                  parent,
                  user,
                  f.at(7),
                  f.at(8),
                  f.at(9).equals("true"),
                  new DiscordInput.Quoted(
                      f.at(10),
                      new DiscordInput.User(f.at(11), f.at(12), f.at(13), false),
                      f.at(14)));
        };

    Optional<ChatEvent> event = TRANSLATOR.translate(in);

    if (user.bot()) {
      assertThat(event).as("a bot's input").isEmpty();
    }
    event.ifPresent(
        e -> {
          assertThat(e.chat().chatId()).isEqualTo(channel);
          if (e instanceof ChatEvent.Command c) {
            assertThat(c.name()).isEqualTo(c.name().toLowerCase(Locale.ROOT));
            assertThat(c.args()).allSatisfy(a -> assertThat(a).isNotEmpty());
          }
        });
  }

  private record Fields(String[] lines) {
    String at(int i) {
      return i < lines.length ? lines[i] : "";
    }
  }
}
