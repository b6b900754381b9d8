package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Sender;
import dev.meister.core.team.Team;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class TelegramChatPortTest {
  private static final String TOKEN = "123456:SECRET-token_value";
  private static final ChatRef GROUP = ChatRef.of(Platform.TELEGRAM, "-1001234567890");
  private static final ChatRef TOPIC = new ChatRef(Platform.TELEGRAM, "-1001234567890", "77");

  private FakeTelegramApi telegram;
  private TelegramApi api;
  private TelegramChatPort port;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    api = new TelegramApi(TOKEN, telegram.url());
    port = new TelegramChatPort(api, new TelegramRenderer(new Team(List.of())));
  }

  @AfterEach
  void stop() {
    api.close();
    telegram.close();
  }

  @Test
  void post_sends_html_into_the_topic_with_buttons_and_no_link_preview() {
    OutgoingMessage alert =
        new OutgoingMessage(
            RichText.builder().bold("etl <daily>").text(" failed").build(),
            List.of(
                new Button("Ack", new ButtonAction.Ack(17)),
                new Button("Looking", new ButtonAction.FileIssue(17))));

    MessageRef sent = port.post(TOPIC, alert);

    JsonNode request = telegram.onlyRequest("sendMessage");
    assertThat(request.path("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(request.path("message_thread_id").asInt()).isEqualTo(77);
    assertThat(request.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(request.path("text").asText()).isEqualTo("<b>etl &lt;daily&gt;</b> failed");
    assertThat(request.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
    JsonNode row = request.path("reply_markup").path("inline_keyboard").path(0);
    assertThat(row.findValuesAsText("callback_data")).containsExactly("ack:17", "issue:17");
    assertThat(row.findValuesAsText("text")).containsExactly("Ack", "Looking");
    assertThat(sent).isEqualTo(new MessageRef(TOPIC, "100"));
  }

  @Test
  void post_to_the_main_chat_sends_neither_thread_nor_keyboard() {
    port.post(GROUP, OutgoingMessage.plain("hello"));

    JsonNode request = telegram.onlyRequest("sendMessage");
    assertThat(request.has("message_thread_id")).isFalse();
    assertThat(request.has("reply_markup")).isFalse();
    assertThat(request.has("reply_parameters")).isFalse();
  }

  @Test
  void reply_sends_reply_parameters_for_the_original_message() {
    MessageRef alert = port.post(GROUP, OutgoingMessage.plain("alert"));

    MessageRef reply = port.reply(alert, OutgoingMessage.plain("acknowledged by @alice"));

    JsonNode request = telegram.requests("sendMessage").get(1);
    assertThat(request.path("reply_parameters").path("message_id").asInt()).isEqualTo(100);
    assertThat(request.path("reply_parameters").path("allow_sending_without_reply").asBoolean())
        .isTrue();
    assertThat(request.path("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(reply.messageId()).isEqualTo("101");
  }

  @Test
  void edit_replaces_text_and_buttons_of_the_message() {
    MessageRef alert = new MessageRef(GROUP, "555");

    port.edit(
        alert,
        new OutgoingMessage(
            RichText.plain("acked & closed"),
            List.of(new Button("Reopen", new ButtonAction.SameAs(17, 9110)))));

    JsonNode request = telegram.onlyRequest("editMessageText");
    assertThat(request.path("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(request.path("message_id").asInt()).isEqualTo(555);
    assertThat(request.path("text").asText()).isEqualTo("acked &amp; closed");
    assertThat(request.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(request.path("reply_markup").findValuesAsText("callback_data"))
        .containsExactly("same:17:9110");
  }

  @Test
  void edit_accepts_message_is_not_modified_as_success() {
    telegram.failNext(
        "editMessageText",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,"
            + "\"description\":\"Bad Request: message is not modified: specified new message content"
            + " and reply markup are exactly the same as a current content\"}");

    port.edit(new MessageRef(GROUP, "555"), OutgoingMessage.plain("same"));

    assertThat(telegram.requests("editMessageText")).hasSize(1);
  }

  @Test
  void rate_limit_is_retryable_after_the_seconds_telegram_asks_for() {
    telegram.rateLimitNext("sendMessage", 1, 3);

    ChatDeliveryException e = postFails();

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e).hasMessage("sendMessage failed: [429] Too Many Requests: retry after 3");
  }

  @Test
  void a_bad_gateway_is_retryable() {
    telegram.failNext(
        "sendMessage", 1, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");

    ChatDeliveryException e = postFails();

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isNull();
  }

  @Test
  void an_outage_makes_the_health_check_fail_until_a_call_succeeds_again() {
    telegram.failNext(
        "sendMessage", 1, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");

    postFails();
    assertThat(api.lastFailure()).contains("sendMessage failed: [502] Bad Gateway");

    port.post(GROUP, OutgoingMessage.plain("back"));
    assertThat(api.lastFailure()).isEmpty();
  }

  @Test
  void a_refused_message_says_nothing_about_the_connection() {
    telegram.failNext(
        "sendMessage",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

    postFails();

    assertThat(api.lastFailure()).isEmpty();
  }

  @Test
  void a_proxy_error_page_instead_of_json_is_retryable() {
    telegram.failNext("sendMessage", 1, 502, "<html><body>502 Bad Gateway</body></html>");

    ChatDeliveryException e = postFails();

    assertThat(e.retryable()).isTrue();
    assertThat(e).hasMessage("sendMessage failed: Telegram's answer could not be read");
  }

  @Test
  void a_bad_request_is_not_retryable() {
    telegram.failNext(
        "sendMessage",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

    ChatDeliveryException e = postFails();

    assertThat(e.retryable()).isFalse();
    assertThat(e).hasMessage("sendMessage failed: [400] Bad Request: chat not found");
  }

  @Test
  void the_token_never_appears_in_the_exception_even_when_telegram_echoes_the_url() {
    telegram.failNext(
        "sendMessage",
        1,
        404,
        "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: {path}\"}");

    ChatDeliveryException e = postFails();

    assertThat(e).hasMessage("sendMessage failed: [404] Not Found: /bot<bot-token>/sendmessage");
    assertThat(stackTrace(e)).doesNotContain(TOKEN).doesNotContain("SECRET");
  }

  @Test
  void an_unreachable_api_is_retryable_and_does_not_leak_the_token() {
    telegram.close();

    ChatDeliveryException e = postFails();

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).startsWith("sendMessage failed: ");
    assertThat(stackTrace(e)).doesNotContain("SECRET");
  }

  @Test
  void answer_button_answers_the_callback_query_with_the_toast() {
    ChatEvent.ButtonPress press =
        new ChatEvent.ButtonPress(
            GROUP,
            new Sender(Platform.TELEGRAM, "11", "ali_ce", "Alice"),
            new MessageRef(GROUP, "555"),
            "ack:17",
            "cbq-1");

    port.answerButton(press, "Acknowledged");

    JsonNode request = telegram.onlyRequest("answerCallbackQuery");
    assertThat(request.path("callback_query_id").asText()).isEqualTo("cbq-1");
    assertThat(request.path("text").asText()).isEqualTo("Acknowledged");
  }

  @Test
  void api_description_hides_the_token() {
    assertThat(api.toString()).doesNotContain("SECRET").contains("127.0.0.1");
  }

  private ChatDeliveryException postFails() {
    return catchThrowableOfType(
        ChatDeliveryException.class, () -> port.post(GROUP, OutgoingMessage.plain("alert")));
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static final Attachment ICS =
      Attachment.text(
          "hausmeister-handoff-2026-11-23.ics",
          "text/calendar; method=REQUEST; charset=utf-8",
          "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

  private static byte[] bytes(JsonNode file) {
    return java.util.Base64.getDecoder().decode(file.path("base64").asText());
  }

  // Bot API sendDocument: chat_id, message_thread_id, document (a multipart file), caption with
  // parse_mode, reply_markup.
  @Test
  void a_message_with_a_file_is_one_document_with_the_text_as_its_html_caption() {
    OutgoingMessage reminder =
        new OutgoingMessage(
                RichText.builder().bold("Meeting").text(" <30 min>").build(),
                List.of(new Button("Ack", new ButtonAction.Ack(17))))
            .withAttachment(ICS);

    MessageRef sent = port.post(TOPIC, reminder);

    assertThat(telegram.requests("sendMessage")).isEmpty();
    JsonNode request = telegram.onlyRequest("sendDocument");
    assertThat(request.path("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(request.path("message_thread_id").asInt()).isEqualTo(77);
    assertThat(request.path("caption").asText()).isEqualTo("<b>Meeting</b> &lt;30 min&gt;");
    assertThat(request.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(request.path("document").path("filename").asText())
        .isEqualTo("hausmeister-handoff-2026-11-23.ics");
    assertThat(bytes(request.path("document"))).isEqualTo(ICS.content());
    assertThat(
            request
                .path("reply_markup")
                .path("inline_keyboard")
                .path(0)
                .path(0)
                .path("callback_data")
                .asText())
        .isEqualTo("ack:17");
    assertThat(sent.messageId()).isEqualTo(request.path("_message_id").asText());
  }

  @Test
  void a_reply_with_a_file_is_a_document_replying_to_the_message() {
    port.reply(new MessageRef(GROUP, "555"), OutgoingMessage.plain("here").withAttachment(ICS));

    JsonNode request = telegram.onlyRequest("sendDocument");
    assertThat(request.path("reply_parameters").path("message_id").asInt()).isEqualTo(555);
    assertThat(request.path("caption").asText()).isEqualTo("here");
  }

  // A caption holds 1024 characters: the text goes as a message, the file as a reply to it.
  @Test
  void a_text_too_long_for_a_caption_goes_first_and_the_file_replies_to_it() {
    OutgoingMessage longOne =
        new OutgoingMessage(
                RichText.plain("x".repeat(1025)),
                List.of(new Button("Ack", new ButtonAction.Ack(17))))
            .withAttachment(ICS);

    MessageRef sent = port.post(TOPIC, longOne);

    JsonNode text = telegram.onlyRequest("sendMessage");
    JsonNode document = telegram.onlyRequest("sendDocument");
    assertThat(text.path("text").asText()).hasSize(1025);
    assertThat(text.path("reply_markup").path("inline_keyboard")).hasSize(1);
    assertThat(sent.messageId()).isEqualTo(text.path("_message_id").asText());
    assertThat(document.path("reply_parameters").path("message_id").asText())
        .isEqualTo(sent.messageId());
    assertThat(document.path("message_thread_id").asInt()).isEqualTo(77);
    assertThat(document.has("caption")).isFalse();
    assertThat(document.has("reply_markup")).isFalse();
    assertThat(bytes(document.path("document"))).isEqualTo(ICS.content());
  }

  @Test
  void markup_does_not_count_towards_the_caption_limit() {
    // 1000 characters a person reads, far more in HTML.
    RichText text = RichText.builder().bold("<&>".repeat(333)).text("x").build();

    port.post(GROUP, OutgoingMessage.of(text).withAttachment(ICS));

    assertThat(telegram.requests("sendMessage")).isEmpty();
    assertThat(telegram.onlyRequest("sendDocument").path("caption").asText().length())
        .isGreaterThan(1024);
  }

  // An edit changes text and buttons; the file stays. Telegram refuses editMessageText on a
  // message that has a caption instead of text.
  @Test
  void editing_a_message_sent_with_a_file_edits_its_caption_and_sends_no_file() {
    MessageRef sent = port.post(GROUP, OutgoingMessage.plain("Reminder").withAttachment(ICS));

    port.edit(sent, OutgoingMessage.plain("Reminder (done)").withAttachment(ICS));

    JsonNode caption = telegram.onlyRequest("editMessageCaption");
    assertThat(caption.path("message_id").asText()).isEqualTo(sent.messageId());
    assertThat(caption.path("caption").asText()).isEqualTo("Reminder (done)");
    assertThat(caption.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(telegram.requests("sendDocument")).hasSize(1);
  }

  @Test
  void a_caption_edit_too_long_for_a_caption_is_cut_to_fit() {
    MessageRef sent = port.post(GROUP, OutgoingMessage.plain("Reminder").withAttachment(ICS));

    port.edit(sent, OutgoingMessage.plain("y".repeat(2000)));

    String caption = telegram.onlyRequest("editMessageCaption").path("caption").asText();
    assertThat(caption).hasSize(1024).endsWith("\u2026");
  }
}
