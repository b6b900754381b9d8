package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** Updates are written as the Bot API sends them and read as {@link TelegramWebhook} reads them. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class TelegramUpdateTranslatorTest {
  private static final ChatRef GROUP = ChatRef.of(Platform.TELEGRAM, "-1001234567890");
  private static final Sender ALICE =
      new Sender(Platform.TELEGRAM, "11", "ali_ce", "Alice Liddell");
  private static final String FROM_ALICE =
      "\"from\":{\"id\":11,\"is_bot\":false,\"first_name\":\"Alice\",\"last_name\":\"Liddell\","
          + "\"username\":\"ali_ce\"}";
  private static final String FROM_BOB =
      "\"from\":{\"id\":12,\"is_bot\":false,\"first_name\":\"Bob\"}";
  private static final String FROM_ME =
      "\"from\":{\"id\":999,\"is_bot\":true,\"first_name\":\"Meister\",\"username\":\"MeisterBot\"}";
  private static final String CHAT = "\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\"}";

  private final TelegramUpdateTranslator translator =
      new TelegramUpdateTranslator(999, "MeisterBot");

  @Test
  void reads_a_command_addressed_to_this_bot_with_lower_case_name_and_args() {
    Optional<ChatEvent> event =
        translate(message(5, FROM_ALICE, "/WhoIsOnCall@meisterbot  hausmeister   tomorrow", ""));

    assertThat(event)
        .contains(
            new ChatEvent.Command(
                GROUP,
                ALICE,
                new MessageRef(GROUP, "5"),
                "whoisoncall",
                List.of("hausmeister", "tomorrow"),
                null));
  }

  @Test
  void ignores_a_command_addressed_to_another_bot() {
    assertThat(translate(message(5, FROM_ALICE, "/help@OtherBot", ""))).isEmpty();
  }

  @Test
  void a_command_replying_to_a_bot_message_refers_to_that_message() {
    Optional<ChatEvent> event =
        translate(message(6, FROM_ALICE, "/ack", replyTo(100, FROM_ME, "")));

    assertThat(event)
        .get()
        .isInstanceOfSatisfying(
            ChatEvent.Command.class,
            c -> {
              assertThat(c.name()).isEqualTo("ack");
              assertThat(c.args()).isEmpty();
              assertThat(c.replyTo()).isEqualTo(new MessageRef(GROUP, "100"));
            });
  }

  @Test
  void reads_plain_text_replying_to_a_bot_message_as_a_reply() {
    Optional<ChatEvent> event =
        translate(message(7, FROM_ALICE, " looking ", replyTo(100, FROM_ME, "")));

    assertThat(event)
        .contains(
            new ChatEvent.Reply(
                GROUP, ALICE, new MessageRef(GROUP, "7"), "looking", new MessageRef(GROUP, "100")));
  }

  @Test
  void ignores_plain_text_that_replies_to_a_person() {
    assertThat(translate(message(7, FROM_ALICE, "looking", replyTo(50, FROM_BOB, "")))).isEmpty();
  }

  @Test
  void ignores_plain_text_that_replies_to_nothing() {
    assertThat(translate(message(7, FROM_ALICE, "good morning", ""))).isEmpty();
  }

  @Test
  void a_message_in_a_forum_topic_carries_the_topic_as_thread() {
    Optional<ChatEvent> event =
        translate(
            message(
                8, FROM_ALICE, "/schedule", ",\"message_thread_id\":77,\"is_topic_message\":true"));

    assertThat(event)
        .get()
        .extracting(ChatEvent::chat)
        .isEqualTo(new ChatRef(Platform.TELEGRAM, "-1001234567890", "77"));
  }

  @Test
  void a_reply_outside_a_forum_stays_in_the_main_chat_despite_its_thread_id() {
    Optional<ChatEvent> event =
        translate(
            message(
                9,
                FROM_ALICE,
                "/schedule",
                ",\"message_thread_id\":100" + replyTo(100, FROM_ME, "")));

    assertThat(event).get().extracting(ChatEvent::chat).isEqualTo(GROUP);
  }

  @Test
  void the_topic_opening_message_of_a_bot_created_topic_is_no_reply() {
    String topicStart =
        ",\"message_thread_id\":77,\"is_topic_message\":true"
            + replyTo(
                77, FROM_ME, ",\"forum_topic_created\":{\"name\":\"alerts\",\"icon_color\":1}");

    assertThat(translate(message(10, FROM_ALICE, "morning all", topicStart))).isEmpty();
  }

  @Test
  void reads_a_button_press_keeping_its_data_whole() {
    Optional<ChatEvent> event =
        translate(
            "{\"update_id\":1,\"callback_query\":{"
                + "\"id\":\"cbq-1\","
                + FROM_ALICE
                + ",\"chat_instance\":\"ci\",\"data\":\"ack:a:17\","
                + "\"message\":{\"message_id\":100,\"date\":1700000000,"
                + CHAT
                + ","
                + FROM_ME
                + ",\"text\":\"alert\"}}}");

    assertThat(event)
        .contains(
            new ChatEvent.ButtonPress(
                GROUP, ALICE, new MessageRef(GROUP, "100"), "ack:a:17", "cbq-1"));
  }

  @Test
  void ignores_messages_from_bots() {
    String fromOtherBot = "\"from\":{\"id\":5,\"is_bot\":true,\"first_name\":\"CI\"}";

    assertThat(translate(message(11, fromOtherBot, "/help", ""))).isEmpty();
  }

  @Test
  void ignores_edited_messages() {
    String edited =
        "{\"update_id\":1,\"edited_message\":{\"message_id\":12,\"date\":1700000000,"
            + "\"edit_date\":1700000100,"
            + CHAT
            + ","
            + FROM_ALICE
            + ",\"text\":\"/ack\"}}";

    assertThat(translate(edited)).isEmpty();
  }

  @Test
  void ignores_messages_without_text() {
    String sticker =
        "{\"update_id\":1,\"message\":{\"message_id\":13,\"date\":1700000000,"
            + CHAT
            + ","
            + FROM_ALICE
            + ",\"sticker\":{\"file_id\":\"f\",\"file_unique_id\":\"u\","
            + "\"type\":\"regular\",\"width\":1,\"height\":1,\"is_animated\":false,"
            + "\"is_video\":false}}}";

    assertThat(translate(sticker)).isEmpty();
  }

  private Optional<ChatEvent> translate(String updateJson) {
    return translator.translate(
        TelegramWebhook.update(updateJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void a_message_that_mentions_this_bot_is_a_mention_and_one_for_another_bot_is_nothing() {
    assertThat(translate(message(8, FROM_ALICE, "@meisterbot is ohlcv late?", "")))
        .contains(
            new ChatEvent.Mention(
                GROUP, ALICE, new MessageRef(GROUP, "8"), "@meisterbot is ohlcv late?"));
    assertThat(translate(message(9, FROM_ALICE, "ask @MeisterBot2 instead", ""))).isEmpty();
    assertThat(translate(message(10, FROM_ALICE, "no mention here", ""))).isEmpty();
  }

  @Test
  void a_command_replying_to_a_person_quotes_their_message() {
    Optional<ChatEvent> event =
        translate(message(11, FROM_ALICE, "/triage", replyTo(50, FROM_BOB, "")));

    assertThat(event)
        .get()
        .isInstanceOfSatisfying(
            ChatEvent.Command.class,
            c -> {
              assertThat(c.replyTo()).isNull();
              assertThat(c.quoted())
                  .isEqualTo(
                      new ChatEvent.Quote(
                          new MessageRef(GROUP, "50"),
                          new Sender(Platform.TELEGRAM, "12", null, "Bob"),
                          "earlier"));
            });
  }

  /**
   * @param extra more fields of the message, each starting with a comma
   */
  static String message(int id, String from, String text, String extra) {
    return "{\"update_id\":1,\"message\":{\"message_id\":"
        + id
        + ",\"date\":1700000000,"
        + CHAT
        + ","
        + from
        + ",\"text\":\""
        + text
        + "\""
        + extra
        + "}}";
  }

  private static String replyTo(int id, String from, String extra) {
    return ",\"reply_to_message\":{\"message_id\":"
        + id
        + ",\"date\":1700000000,"
        + CHAT
        + ","
        + from
        + ",\"text\":\"earlier\""
        + extra
        + "}";
  }
}
