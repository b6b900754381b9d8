package dev.meister.bot.slack;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class SlackChatPortTest {
  private static final String TOKEN = "xoxb-test";
  private static final ChatRef CHANNEL = ChatRef.of(Platform.SLACK, "C0ALERTS");

  private final FakeSlackApi slack = new FakeSlackApi(TOKEN);
  private final SlackApi api = new SlackApi(TOKEN, slack.url());
  private final SlackChatPort port = new SlackChatPort(api, new SlackRenderer(new Team(List.of())));

  SlackChatPortTest() throws java.io.IOException {}

  @AfterEach
  void stop() {
    api.close();
    slack.close();
  }

  @Test
  void a_post_returns_the_messages_ts_and_a_reply_goes_into_its_thread() {
    MessageRef alert = port.post(CHANNEL, OutgoingMessage.plain("Build fail"));
    MessageRef reply = port.reply(alert, OutgoingMessage.plain("on it"));
    port.reply(reply, OutgoingMessage.plain("still on it"));

    List<JsonNode> posts = slack.calls("chat.postMessage");
    assertThat(posts.get(0).path("channel").asText()).isEqualTo("C0ALERTS");
    assertThat(posts.get(0).has("thread_ts")).isFalse();
    assertThat(posts.get(1).path("thread_ts").asText()).isEqualTo(alert.messageId());
    assertThat(reply.chat().threadId()).isEqualTo(alert.messageId());
    assertThat(posts.get(2).path("thread_ts").asText())
        .as("a reply to a reply stays in the thread of the root")
        .isEqualTo(alert.messageId());
  }

  @Test
  void the_answer_to_a_slash_command_goes_to_the_channel_it_was_typed_in() {
    port.reply(new MessageRef(CHANNEL, "slash:1234.5678.abc"), OutgoingMessage.plain("Bob"));

    JsonNode post = slack.calls("chat.postMessage").get(0);
    assertThat(post.path("channel").asText()).isEqualTo("C0ALERTS");
    assertThat(post.has("thread_ts")).isFalse();
  }

  @Test
  void an_edit_updates_the_message_by_its_ts() {
    port.edit(new MessageRef(CHANNEL, "1764061200.000100"), OutgoingMessage.plain("done"));

    JsonNode update = slack.calls("chat.update").get(0);
    assertThat(update.path("ts").asText()).isEqualTo("1764061200.000100");
    assertThat(update.path("text").asText()).isEqualTo("done");
  }

  @Test
  void http_429_is_retryable_after_slacks_retry_after() {
    slack.rateLimitNext("chat.postMessage", 7);

    ChatDeliveryException e =
        catchThrowableOfType(
            ChatDeliveryException.class, () -> port.post(CHANNEL, OutgoingMessage.plain("x")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(api.lastFailure()).isPresent();
  }

  @Test
  void a_channel_the_bot_is_not_in_is_refused_for_good_and_a_5xx_is_retried() {
    slack.failNext(
        "chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");
    slack.failNext("chat.postMessage", 503, Map.of(), "<html>unavailable</html>");

    ChatDeliveryException refused =
        catchThrowableOfType(
            ChatDeliveryException.class, () -> port.post(CHANNEL, OutgoingMessage.plain("x")));
    ChatDeliveryException outage =
        catchThrowableOfType(
            ChatDeliveryException.class, () -> port.post(CHANNEL, OutgoingMessage.plain("x")));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused).hasMessage("chat.postMessage failed: not_in_channel");
    assertThat(outage.retryable()).isTrue();
    assertThat(outage.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void a_button_answer_is_an_ephemeral_message_to_the_presser_alone() {
    ChatEvent.ButtonPress press =
        new ChatEvent.ButtonPress(
            CHANNEL,
            new Sender(Platform.SLACK, "U0BOB", "bob", "bob"),
            new MessageRef(CHANNEL, "1764061200.000100"),
            "ack:1",
            "trigger");

    port.answerButton(press, "Thanks, noted.");
    port.answerButton(press, "");

    JsonNode ephemeral = slack.calls("chat.postEphemeral").get(0);
    assertThat(slack.calls("chat.postEphemeral")).hasSize(1);
    assertThat(ephemeral.path("user").asText()).isEqualTo("U0BOB");
    assertThat(ephemeral.path("text").asText()).isEqualTo("Thanks, noted.");
  }

  private static final Attachment ICS =
      Attachment.text(
          "hausmeister-handoff-2026-11-23.ics",
          "text/calendar; method=REQUEST; charset=utf-8",
          "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

  // Slack's upload: files.getUploadURLExternal(filename, length), the bytes POSTed to upload_url,
  // files.completeUploadExternal(files, channel_id, thread_ts). The message keeps its buttons.
  @Test
  void a_file_is_uploaded_in_three_steps_and_shared_in_the_thread_of_its_message() {
    OutgoingMessage reminder =
        new OutgoingMessage(
                RichText.plain("Meeting"), List.of(new Button("Ack", new ButtonAction.Ack(17))))
            .withAttachment(ICS);

    MessageRef sent = port.post(CHANNEL, reminder);

    assertThat(slack.all())
        .extracting(c -> c.path("_method").asText())
        .containsExactly(
            "files.getUploadURLExternal", "chat.postMessage", "files.completeUploadExternal");
    JsonNode url = slack.calls("files.getUploadURLExternal").get(0);
    assertThat(url.path("filename").asText()).isEqualTo("hausmeister-handoff-2026-11-23.ics");
    assertThat(url.path("length").asInt()).isEqualTo(ICS.size());
    JsonNode post = slack.calls("chat.postMessage").get(0);
    assertThat(post.path("blocks").toString()).contains("\"type\":\"actions\"");
    JsonNode complete = slack.calls("files.completeUploadExternal").get(0);
    assertThat(complete.path("channel_id").asText()).isEqualTo("C0ALERTS");
    assertThat(complete.path("thread_ts").asText()).isEqualTo(sent.messageId());
    assertThat(complete.has("initial_comment")).isFalse();
    String fileId = complete.path("files").get(0).path("id").asText();
    assertThat(complete.path("files").get(0).path("title").asText())
        .isEqualTo("hausmeister-handoff-2026-11-23.ics");
    FakeSlackApi.Upload upload = java.util.Objects.requireNonNull(slack.uploads().get(fileId));
    assertThat(upload.bytes()).isEqualTo(ICS.content());
    assertThat(upload.contentType()).startsWith("text/calendar");
    assertThat(sent.messageId()).isEqualTo(post.path("_ts").asText());
  }

  @Test
  void a_file_replied_in_a_thread_is_shared_under_the_threads_root() {
    MessageRef root = port.post(CHANNEL, OutgoingMessage.plain("Build fail"));
    MessageRef reply = port.reply(root, OutgoingMessage.plain("on it"));

    port.reply(reply, OutgoingMessage.plain("invite").withAttachment(ICS));

    JsonNode complete = slack.calls("files.completeUploadExternal").get(0);
    assertThat(complete.path("thread_ts").asText())
        .as("Slack: never a reply's ts, its parent's")
        .isEqualTo(root.messageId());
  }

  @Test
  void an_upload_that_fails_posts_nothing_and_is_retried() {
    slack.failNextUpload(503);

    ChatDeliveryException e =
        catchThrowableOfType(
            ChatDeliveryException.class,
            () -> port.post(CHANNEL, OutgoingMessage.plain("Meeting").withAttachment(ICS)));

    assertThat(e.retryable()).isTrue();
    assertThat(e).hasMessage("uploading hausmeister-handoff-2026-11-23.ics failed: HTTP 503");
    assertThat(slack.calls("chat.postMessage")).isEmpty();
    assertThat(slack.calls("files.completeUploadExternal")).isEmpty();
  }

  @Test
  void an_edit_changes_the_text_and_leaves_the_files_alone() {
    MessageRef sent = port.post(CHANNEL, OutgoingMessage.plain("Meeting").withAttachment(ICS));

    port.edit(sent, OutgoingMessage.plain("Meeting (moved)").withAttachment(ICS));

    assertThat(slack.calls("chat.update")).hasSize(1);
    assertThat(slack.calls("files.getUploadURLExternal")).hasSize(1);
    assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
  }
}
