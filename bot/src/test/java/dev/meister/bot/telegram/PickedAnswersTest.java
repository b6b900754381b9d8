package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * The Bot API calls whose answers are read into Meister's picked types ({@link GetPickedUpdates},
 * {@link PickedAnswer}): sent exactly as the library sends its own, answers and errors read as the
 * library reads them, but only for the fields used. Answers are shaped as the Bot API documents
 * them (https://core.telegram.org/bots/api: Update, Message, and the error object with {@code
 * parameters.retry_after}); the message answer is {@code
 * fixtures/telegram/sendDocument.result.json}.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class PickedAnswersTest {
  /** The client serialises every method with a plain ObjectMapper. */
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void get_updates_sends_what_the_librarys_get_updates_sends() throws Exception {
    GetUpdates library =
        GetUpdates.builder()
            .offset(8)
            .limit(100)
            .timeout(50)
            .allowedUpdates(List.of("message", "callback_query"))
            .build();
    GetPickedUpdates picked =
        new GetPickedUpdates(8, 100, 50, List.of("message", "callback_query"));

    assertThat(picked.getMethod()).isEqualTo(library.getMethod());
    assertThat(JSON.readTree(JSON.writeValueAsString(picked)))
        .isEqualTo(JSON.readTree(JSON.writeValueAsString(library)));
  }

  @Test
  void get_updates_reads_a_full_message_for_the_fields_meister_uses() throws Exception {
    String answer =
        """
        {"ok":true,"result":[{"update_id":41,"message":{"message_id":7,
          "from":{"id":11,"is_bot":false,"first_name":"Alice","last_name":"Liddell",
                  "username":"ali_ce","language_code":"en","is_premium":true},
          "chat":{"id":-1001234567890,"title":"alerts","type":"supergroup","is_forum":true},
          "date":1700000000,"message_thread_id":3,"is_topic_message":true,"text":"/ack",
          "entities":[{"offset":0,"length":4,"type":"bot_command"}],
          "reply_to_message":{"message_id":3,"date":1699999000,
            "chat":{"id":-1001234567890,"type":"supergroup"},
            "forum_topic_created":{"name":"builds","icon_color":7322096}},
          "photo":[{"file_id":"x","file_unique_id":"y","width":90,"height":90}],
          "sticker":{"file_id":"s","file_unique_id":"t","type":"regular","width":1,"height":1,
                     "is_animated":false,"is_video":false}}},
         {"update_id":42,"callback_query":{"id":"4382bfdwdsb323b2d9","chat_instance":"-5",
          "from":{"id":12,"is_bot":false,"first_name":"Bob"},"data":"ack:17",
          "message":{"message_id":9,"date":0,"chat":{"id":-1001234567890,"type":"supergroup"}}}}]}
        """;

    List<TelegramUpdate> updates =
        new GetPickedUpdates(0, 100, 50, List.of()).deserializeResponse(answer);

    assertThat(updates).hasSize(2);
    TelegramUpdate.Message m = Objects.requireNonNull(updates.get(0).message());
    assertThat(updates.get(0).updateId()).isEqualTo(41);
    assertThat(m.messageId()).isEqualTo(7);
    assertThat(m.text()).isEqualTo("/ack");
    assertThat(m.from())
        .isEqualTo(new TelegramUpdate.User(11L, false, "Alice", "Liddell", "ali_ce"));
    assertThat(m.chat()).isEqualTo(new TelegramUpdate.Chat(-1001234567890L));
    assertThat(m.inTopic()).isTrue();
    assertThat(m.messageThreadId()).isEqualTo(3);
    assertThat(Objects.requireNonNull(m.replyToMessage()).forumTopicCreated()).isNotNull();
    TelegramUpdate.CallbackQuery press = Objects.requireNonNull(updates.get(1).callbackQuery());
    assertThat(press.id()).isEqualTo("4382bfdwdsb323b2d9");
    assertThat(press.data()).isEqualTo("ack:17");
    assertThat(Objects.requireNonNull(press.message()).chat())
        .isEqualTo(new TelegramUpdate.Chat(-1001234567890L));
  }

  @Test
  void an_error_answer_is_the_librarys_request_exception_with_code_and_retry_after() {
    String answer =
        """
        {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7",
         "parameters":{"retry_after":7}}
        """;

    assertThatThrownBy(
            () -> new GetPickedUpdates(0, 100, 50, List.of()).deserializeResponse(answer))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
            });
    assertThatThrownBy(() -> new PickedAnswer(send()).deserializeResponse(answer))
        .isInstanceOf(TelegramApiRequestException.class);
  }

  @Test
  void a_send_goes_out_as_the_librarys_request_and_its_answer_is_read_for_the_id()
      throws Exception {
    SendMessage send = send();
    PickedAnswer picked = new PickedAnswer(send);
    String answer =
        Files.readString(Path.of("src/test/resources/fixtures/telegram/sendDocument.result.json"));

    assertThat(picked.getMethod()).isEqualTo("sendmessage");
    JsonNode body = JSON.readTree(JSON.writeValueAsString(picked));
    assertThat(body).isEqualTo(JSON.readTree(JSON.writeValueAsString(send)));
    assertThat(body.path("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(picked.deserializeResponse(answer).messageId()).isEqualTo(101);
  }

  @Test
  void an_edit_answered_true_has_no_message_id() throws Exception {
    EditMessageText edit =
        EditMessageText.builder().chatId("-1001234567890").messageId(5).text("x").build();

    assertThat(new PickedAnswer(edit).deserializeResponse("{\"ok\":true,\"result\":true}"))
        .isEqualTo(new PickedAnswer.Sent(null));
  }

  @Test
  void the_librarys_validation_still_refuses_a_bad_request() {
    SendMessage empty = SendMessage.builder().chatId("-1001234567890").text("").build();

    assertThatThrownBy(() -> new PickedAnswer(empty).validate())
        .isInstanceOf(TelegramApiValidationException.class);
  }

  private static SendMessage send() {
    return SendMessage.builder()
        .chatId("-1001234567890")
        .text("<b>build failed</b>")
        .parseMode(ParseMode.HTML)
        .build();
  }
}
