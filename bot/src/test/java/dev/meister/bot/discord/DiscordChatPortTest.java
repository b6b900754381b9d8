package dev.meister.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Team;
import dev.meister.testing.MultipartPart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class DiscordChatPortTest {
  private static final String TOKEN = "discord-test-token";
  private static final ChatRef CHANNEL = ChatRef.of(Platform.DISCORD, "300000000000000001");

  private final FakeDiscordApi discord = new FakeDiscordApi(TOKEN);
  private final DiscordRest rest = new DiscordRest(TOKEN, discord.url());
  private final DiscordChatPort port =
      new DiscordChatPort(rest, new DiscordRenderer(new Team(List.of())));

  DiscordChatPortTest() throws java.io.IOException {}

  @AfterEach
  void stop() {
    rest.close();
    discord.close();
  }

  @Test
  void a_post_carries_buttons_as_components_and_pings_nobody_it_does_not_mention() {
    MessageRef sent =
        port.post(
            CHANNEL,
            new OutgoingMessage(
                RichText.plain("Build fail @here"),
                List.of(new Button("👀 Looking", new ButtonAction.Ack(17)))));

    FakeDiscordApi.Call call = discord.calls().get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("channels/300000000000000001/messages");
    assertThat(call.body().path("allowed_mentions").path("parse")).isEmpty();
    var button = call.body().path("components").get(0).path("components").get(0);
    assertThat(button.path("custom_id").asText()).isEqualTo("ack:17");
    assertThat(button.path("label").asText()).isEqualTo("👀 Looking");
    assertThat(sent.messageId()).isEqualTo(call.id());
  }

  @Test
  void a_reply_references_the_message_and_an_edit_without_buttons_removes_them() {
    MessageRef alert = new MessageRef(CHANNEL, "1200000000000000077");

    port.reply(alert, OutgoingMessage.plain("on it"));
    port.edit(alert, OutgoingMessage.plain("taken"));

    assertThat(discord.calls().get(0).body().path("message_reference").path("message_id").asText())
        .isEqualTo("1200000000000000077");
    FakeDiscordApi.Call edit = discord.calls().get(1);
    assertThat(edit.method()).isEqualTo("PATCH");
    assertThat(edit.path()).isEqualTo("channels/300000000000000001/messages/1200000000000000077");
    assertThat(edit.body().path("components")).isEmpty();
  }

  @Test
  void the_answer_to_a_slash_command_is_the_interactions_follow_up() {
    port.reply(
        new MessageRef(CHANNEL, DiscordRefs.interaction("800", "tok-1")),
        OutgoingMessage.plain("Bob"));

    assertThat(discord.calls().get(0).path()).isEqualTo("webhooks/800/tok-1");
  }

  @Test
  void an_answer_whose_interaction_token_expired_goes_to_the_channel_instead() {
    discord.failNext(401, "{\"message\": \"Invalid Webhook Token\", \"code\": 50027}");

    port.reply(
        new MessageRef(CHANNEL, DiscordRefs.interaction("800", "old")),
        OutgoingMessage.plain("Bob"));

    assertThat(discord.calls())
        .extracting(FakeDiscordApi.Call::path)
        .containsExactly("webhooks/800/old", "channels/300000000000000001/messages");
  }

  @Test
  void http_429_is_retryable_after_discords_retry_after() {
    discord.failNext(
        429,
        "{\"message\": \"You are being rate limited.\", \"retry_after\": 1.2,"
            + " \"global\": false}");

    ChatDeliveryException e =
        catchThrowableOfType(
            ChatDeliveryException.class, () -> port.post(CHANNEL, OutgoingMessage.plain("x")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1200));
  }

  @Test
  void missing_access_is_refused_for_good_and_a_5xx_is_retried() {
    discord.failNext(403, "{\"message\": \"Missing Access\", \"code\": 50001}");
    discord.failNext(502, "<html>Bad Gateway</html>");

    ChatDeliveryException refused =
        catchThrowableOfType(
            ChatDeliveryException.class, () -> port.post(CHANNEL, OutgoingMessage.plain("x")));
    ChatDeliveryException outage =
        catchThrowableOfType(
            ChatDeliveryException.class, () -> port.post(CHANNEL, OutgoingMessage.plain("x")));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("Missing Access");
    assertThat(outage.retryable()).isTrue();
    assertThat(rest.lastFailure()).isPresent();
  }

  private static final Attachment ICS =
      Attachment.text(
          "hausmeister-handoff-2026-11-23.ics",
          "text/calendar; method=REQUEST; charset=utf-8",
          "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

  // Discord, "Uploading Files": multipart with payload_json and files[n], each file listed in the
  // payload's attachments by id n.
  @Test
  void a_message_with_a_file_is_one_multipart_message_with_payload_json_and_files_0() {
    MessageRef sent =
        port.post(
            CHANNEL,
            new OutgoingMessage(
                    RichText.plain("Meeting"),
                    List.of(new Button("👀 Looking", new ButtonAction.Ack(17))))
                .withAttachment(ICS));

    FakeDiscordApi.Call call = discord.calls().get(0);
    assertThat(call.path()).isEqualTo("channels/300000000000000001/messages");
    assertThat(call.body().path("content").asText()).isEqualTo("Meeting");
    assertThat(call.body().path("components")).hasSize(1);
    assertThat(call.body().path("attachments")).hasSize(1);
    assertThat(call.body().path("attachments").path(0).path("id").asInt()).isZero();
    assertThat(call.body().path("attachments").path(0).path("filename").asText())
        .isEqualTo("hausmeister-handoff-2026-11-23.ics");
    assertThat(call.files()).hasSize(1);
    MultipartPart file = call.files().get(0);
    assertThat(file.name()).isEqualTo("files[0]");
    assertThat(file.fileName()).contains("hausmeister-handoff-2026-11-23.ics");
    assertThat(file.contentType())
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
    assertThat(file.content()).isEqualTo(ICS.content());
    assertThat(sent.messageId()).isEqualTo(call.id());
  }

  @Test
  void a_reply_with_a_file_references_the_message_in_its_payload() {
    port.reply(
        new MessageRef(CHANNEL, "1200"), OutgoingMessage.plain("invite").withAttachment(ICS));

    FakeDiscordApi.Call call = discord.calls().get(0);
    assertThat(call.body().path("message_reference").path("message_id").asText()).isEqualTo("1200");
    assertThat(call.files()).hasSize(1);
  }

  // Without an attachments field Discord keeps the files a message has.
  @Test
  void an_edit_is_json_without_attachments_so_the_files_stay() {
    MessageRef sent = port.post(CHANNEL, OutgoingMessage.plain("Meeting").withAttachment(ICS));

    port.edit(sent, OutgoingMessage.plain("Meeting (moved)").withAttachment(ICS));

    FakeDiscordApi.Call edit = discord.calls().get(1);
    assertThat(edit.method()).isEqualTo("PATCH");
    assertThat(edit.files()).isEmpty();
    assertThat(edit.body().has("attachments")).isFalse();
  }
}
