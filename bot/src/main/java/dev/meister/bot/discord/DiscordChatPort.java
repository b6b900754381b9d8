package dev.meister.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.PrivateAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat port for Discord: markdown messages with button components, replies as message
 * references, answers to slash commands as interaction follow-ups, files in the same message (a
 * multipart request with {@code payload_json} and {@code files[n]}), and button answers as
 * ephemeral follow-ups only the presser sees. Pings are limited to the members the text mentions.
 */
public final class DiscordChatPort implements ChatPort {
  private static final int BUTTONS_PER_ROW = 5;
  private static final int EPHEMERAL = 1 << 6;

  private final DiscordRest rest;
  private final DiscordRenderer renderer;

  public DiscordChatPort(DiscordRest rest, DiscordRenderer renderer) {
    this.rest = rest;
    this.renderer = renderer;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public MessageRef post(ChatRef chat, OutgoingMessage message) {
    ChatRef channel = discordChat(chat);
    JsonNode sent =
        rest.call(
            "create message",
            "POST",
            "channels/" + channel.chatId() + "/messages",
            body(message),
            true,
            message.attachments());
    return new MessageRef(channel, sent.path("id").asText());
  }

  @Override
  public MessageRef reply(MessageRef to, OutgoingMessage message) {
    ChatRef channel = discordChat(to.chat());
    Optional<String> interaction = DiscordRefs.webhookPath(to.messageId());
    if (interaction.isPresent()) {
      try {
        // Completes the "thinking…" the gateway left when it deferred the interaction.
        JsonNode sent =
            rest.call(
                "interaction follow-up",
                "POST",
                interaction.get(),
                body(message),
                false,
                message.attachments());
        return new MessageRef(channel, sent.path("id").asText());
      } catch (ChatDeliveryException e) {
        if (e.retryable()) {
          throw e;
        }
        // The token lasts 15 minutes; an answer delayed past that (an outage) goes to the channel.
        return post(channel, message);
      }
    }
    Map<String, Object> body = body(message);
    body.put(
        "message_reference", Map.of("message_id", to.messageId(), "fail_if_not_exists", false));
    JsonNode sent =
        rest.call(
            "create message",
            "POST",
            "channels/" + channel.chatId() + "/messages",
            body,
            true,
            message.attachments());
    return new MessageRef(channel, sent.path("id").asText());
  }

  /**
   * Text and buttons only: without an {@code attachments} field Discord keeps the files the message
   * has (sending one would name the files to keep), so an edit leaves them as they are.
   */
  @Override
  public void edit(MessageRef message, OutgoingMessage replacement) {
    ChatRef channel = discordChat(message.chat());
    // An empty component list removes the buttons, which is what an edit without buttons means.
    Map<String, Object> body = body(replacement);
    body.putIfAbsent("components", List.of());
    rest.call(
        "edit message",
        "PATCH",
        "channels/" + channel.chatId() + "/messages/" + message.messageId(),
        body,
        true);
  }

  /**
   * A direct message: Discord's "Create DM" ({@code POST users/@me/channels} with the {@code
   * recipient_id}) gives the DM channel, and the message is created there. The caller completes the
   * deferred interaction in the channel by saying where the answer went.
   */
  @Override
  public PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
    discordChat(event.chat());
    JsonNode dm =
        rest.call(
            "create DM",
            "POST",
            "users/@me/channels",
            Map.<String, Object>of("recipient_id", event.sender().userId()),
            true);
    String channel = dm.path("id").asText("");
    if (channel.isEmpty()) {
      throw new ChatDeliveryException("Discord opened no DM channel: " + dm, false, null, null);
    }
    post(ChatRef.of(Platform.DISCORD, channel), message);
    return PrivateAnswer.DIRECT_MESSAGE;
  }

  @Override
  public void answerButton(ChatEvent.ButtonPress press, String toast) {
    Optional<String> interaction = DiscordRefs.webhookPath(press.callbackId());
    if (toast.isBlank() || interaction.isEmpty()) {
      return; // The gateway already acknowledged the press (deferEdit).
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", DiscordRenderer.escape(toast));
    body.put("flags", EPHEMERAL);
    body.put("allowed_mentions", Map.of("parse", List.of()));
    rest.call("interaction follow-up", "POST", interaction.get(), body, false);
  }

  private Map<String, Object> body(OutgoingMessage message) {
    DiscordRenderer.Rendered rendered = renderer.render(message.text());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", rendered.content());
    body.put("allowed_mentions", Map.of("parse", List.of(), "users", rendered.mentioned()));
    if (!message.buttons().isEmpty()) {
      body.put("components", rows(message.buttons()));
    }
    return body;
  }

  /** Action rows of at most five buttons; {@code custom_id} is {@code action:payload}. */
  private static List<Map<String, Object>> rows(List<Button> buttons) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
      List<Map<String, Object>> row = new ArrayList<>();
      for (Button b : buttons.subList(i, Math.min(i + BUTTONS_PER_ROW, buttons.size()))) {
        row.add(
            Map.of("type", 2, "style", 2, "label", b.label(), "custom_id", b.action().encode()));
      }
      rows.add(Map.of("type", 1, "components", row));
    }
    return rows;
  }

  private static ChatRef discordChat(ChatRef chat) {
    if (chat.platform() != Platform.DISCORD) {
      throw new IllegalArgumentException("chat " + chat + " is not a Discord channel");
    }
    return chat;
  }
}
