package dev.meister.bot.slack;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.PrivateAnswer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chat port for Slack: Block Kit messages with buttons through {@code chat.postMessage},
 * replies in the message's thread ({@code thread_ts}), edits through {@code chat.update}, files
 * uploaded into the message's thread (files.getUploadURLExternal, the bytes, then
 * files.completeUploadExternal; the retired files.upload is not used), and button answers as
 * ephemeral messages only the presser sees.
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

  /** Text and buttons only: files shared under the message stay where they are. */
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

  /**
   * An ephemeral message ({@code chat.postEphemeral}) in the channel (and thread) the command came
   * from: Slack shows it to that user alone and keeps it for the session only.
   */
  @Override
  public PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
    ChatRef chat = slackChat(event.chat());
    SlackMessage m = renderer.render(message);
    String thread = chat.threadId();
    api.execute(
        "chat.postEphemeral",
        c ->
            c.chatPostEphemeral(
                r -> {
                  r.channel(chat.chatId())
                      .user(event.sender().userId())
                      .text(m.text())
                      .blocks(m.blocks());
                  if (thread != null) {
                    r.threadTs(thread);
                  }
                  return r;
                }));
    return PrivateAnswer.IN_PLACE;
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

  /**
   * Posts the message; its files follow in its thread. A file upload cannot carry Block Kit
   * buttons, and the ts of the message a finished upload shares is not in Slack's answer, so the
   * message goes as always ({@code chat.postMessage}: buttons work, edits find it) and each file is
   * shared under it without a comment of its own. The bytes are uploaded first, before anything is
   * visible, so a failed upload is retried without a second copy of the message.
   */
  private MessageRef send(ChatRef chat, OutgoingMessage message, @Nullable String threadTs) {
    List<FilesCompleteUploadExternalRequest.FileDetails> uploaded = new ArrayList<>();
    for (Attachment file : message.attachments()) {
      uploaded.add(upload(file));
    }
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
    if (!uploaded.isEmpty()) {
      // Slack: "Never use a reply's ts value; use its parent instead."
      String thread = threadTs != null ? threadTs : sent.getTs();
      api.execute(
          "files.completeUploadExternal",
          c ->
              c.filesCompleteUploadExternal(
                  r -> r.files(uploaded).channelId(chat.chatId()).threadTs(thread)));
    }
    ChatRef where = new ChatRef(Platform.SLACK, chat.chatId(), threadTs);
    return new MessageRef(where, sent.getTs());
  }

  /** Steps 1 and 2 of an upload: where to put the bytes, and putting them there. */
  private FilesCompleteUploadExternalRequest.FileDetails upload(Attachment file) {
    FilesGetUploadURLExternalResponse target =
        api.execute(
            "files.getUploadURLExternal",
            c -> c.filesGetUploadURLExternal(r -> r.filename(file.fileName()).length(file.size())));
    api.upload(target.getUploadUrl(), file);
    return FilesCompleteUploadExternalRequest.FileDetails.builder()
        .id(target.getFileId())
        .title(file.fileName())
        .build();
  }

  private static ChatRef slackChat(ChatRef chat) {
    if (chat.platform() != Platform.SLACK) {
      throw new IllegalArgumentException("chat " + chat + " is not a Slack channel");
    }
    return chat;
  }
}
