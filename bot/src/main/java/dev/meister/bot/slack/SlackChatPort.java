package dev.meister.bot.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import org.jspecify.annotations.Nullable;

/**
 * The chat port for Slack: Block Kit messages with buttons through {@code chat.postMessage},
 * replies in the message's thread ({@code thread_ts}), edits through {@code chat.update}, and
 * button answers as ephemeral messages only the presser sees.
 */
public final class SlackChatPort implements ChatPort {
  private final SlackApi api;
  private final SlackRenderer renderer;

  public SlackChatPort(SlackApi api, SlackRenderer renderer) {
    this.api = api;
    this.renderer = renderer;
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public MessageRef post(ChatRef chat, OutgoingMessage message) {
    return send(slackChat(chat), message, chat.threadId());
  }

  /**
   * Replies in the thread of {@code to}: the thread it is in, or the one it starts. A slash command
   * is no message, so its answer goes to the channel (or thread) it was typed in.
   */
  @Override
  public MessageRef reply(MessageRef to, OutgoingMessage message) {
    ChatRef chat = slackChat(to.chat());
    String root = chat.threadId();
    if (root == null && SlackRefs.isMessageTs(to.messageId())) {
      root = to.messageId();
    }
    return send(chat, message, root);
  }

  @Override
  public void edit(MessageRef message, OutgoingMessage replacement) {
    ChatRef chat = slackChat(message.chat());
    SlackMessage m = renderer.render(replacement);
    api.execute(
        "chat.update",
        c ->
            c.chatUpdate(
                r ->
                    r.channel(chat.chatId())
                        .ts(message.messageId())
                        .text(m.text())
                        .blocks(m.blocks())));
  }

  /** Slack has no toast for a press: the presser alone sees the answer, in the alert's thread. */
  @Override
  public void answerButton(ChatEvent.ButtonPress press, String toast) {
    if (!toast.isBlank()) {
      ephemeral(api, press, toast);
    }
  }

  static void ephemeral(SlackApi api, ChatEvent.ButtonPress press, String toast) {
    ChatRef chat = slackChat(press.chat());
    String thread = chat.threadId();
    api.execute(
        "chat.postEphemeral",
        c ->
            c.chatPostEphemeral(
                r -> {
                  r.channel(chat.chatId())
                      .user(press.sender().userId())
                      .text(SlackRenderer.escape(toast));
                  if (thread != null) {
                    r.threadTs(thread);
                  }
                  return r;
                }));
  }

  private MessageRef send(ChatRef chat, OutgoingMessage message, @Nullable String threadTs) {
    SlackMessage m = renderer.render(message);
    ChatPostMessageResponse sent =
        api.execute(
            "chat.postMessage",
            c ->
                c.chatPostMessage(
                    r -> {
                      r.channel(chat.chatId())
                          .text(m.text())
                          .blocks(m.blocks())
                          .unfurlLinks(false)
                          .unfurlMedia(false);
                      if (threadTs != null) {
                        r.threadTs(threadTs);
                      }
                      return r;
                    }));
    ChatRef where = new ChatRef(Platform.SLACK, chat.chatId(), threadTs);
    return new MessageRef(where, sent.getTs());
  }

  private static ChatRef slackChat(ChatRef chat) {
    if (chat.platform() != Platform.SLACK) {
      throw new IllegalArgumentException("chat " + chat + " is not a Slack channel");
    }
    return chat;
  }
}
