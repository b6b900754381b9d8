package dev.meister.bot.telegram;

import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.PrivateAnswer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The chat port for Telegram: HTML messages with inline buttons, replies through {@code
 * reply_parameters}, forum topics through {@code message_thread_id}, and files through {@code
 * sendDocument} with the message's text as their caption.
 */
public final class TelegramChatPort implements ChatPort {
  /** Telegram shows at most this much of a callback answer. */
  private static final int MAX_TOAST = 200;

  private static final int BUTTONS_PER_ROW = 3;

  private final TelegramApi api;
  private final TelegramRenderer renderer;

  public TelegramChatPort(TelegramApi api, TelegramRenderer renderer) {
    this.api = api;
    this.renderer = renderer;
  }

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }

  @Override
  public MessageRef post(ChatRef chat, OutgoingMessage message) {
    return send(chat, message, null);
  }

  @Override
  public MessageRef reply(MessageRef to, OutgoingMessage message) {
    return send(to.chat(), message, replyTo(to));
  }

  /**
   * Edits the text, or the caption of a message sent with a file: Telegram has no way to tell which
   * from the id, so a "no text" refusal means the caption is edited instead. The file itself stays
   * (an edit changes text and buttons only).
   */
  @Override
  public void edit(MessageRef message, OutgoingMessage replacement) {
    // Without reply_markup Telegram drops the keyboard, which is what an edit without buttons
    // means.
    EditMessageText edit =
        EditMessageText.builder()
            .chatId(telegramChat(message.chat()).chatId())
            .messageId(messageId(message))
            .text(renderer.render(replacement.text()))
            .parseMode(ParseMode.HTML)
            .linkPreviewOptions(noPreview())
            .replyMarkup(keyboard(replacement.buttons()))
            .build();
    try {
      api.client().execute(new PickedAnswer(edit));
    } catch (TelegramApiException e) {
      if (TelegramApi.isNotModified(e)) {
        return; // The message already says this: an edit retried after a timeout, for instance.
      }
      if (TelegramApi.hasNoText(e)) {
        editCaption(message, replacement);
        return;
      }
      throw api.failure("editMessageText", e);
    }
  }

  private void editCaption(MessageRef message, OutgoingMessage replacement) {
    EditMessageCaption edit =
        EditMessageCaption.builder()
            .chatId(telegramChat(message.chat()).chatId())
            .messageId(messageId(message))
            .caption(renderer.renderCaption(replacement.text()))
            .parseMode(ParseMode.HTML)
            .replyMarkup(keyboard(replacement.buttons()))
            .build();
    try {
      api.client().execute(new PickedAnswer(edit));
    } catch (TelegramApiException e) {
      if (!TelegramApi.isNotModified(e)) {
        throw api.failure("editMessageCaption", e);
      }
    }
  }

  /**
   * A direct message: a private chat's id is the user's id. Telegram refuses it (403) until the
   * person has started a chat with the bot, which the caller tells them.
   */
  @Override
  public PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
    telegramChat(event.chat());
    sendText(ChatRef.of(Platform.TELEGRAM, event.sender().userId()), message, null);
    return PrivateAnswer.DIRECT_MESSAGE;
  }

  @Override
  public void answerButton(ChatEvent.ButtonPress press, String toast) {
    AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer =
        AnswerCallbackQuery.builder().callbackQueryId(press.callbackId());
    if (!toast.isBlank()) {
      answer.text(
          toast.length() <= MAX_TOAST ? toast : toast.substring(0, MAX_TOAST - 1) + "\u2026");
    }
    api.execute("answerCallbackQuery", answer.build());
  }

  private MessageRef send(
      ChatRef chat, OutgoingMessage message, @Nullable ReplyParameters replyTo) {
    ChatRef target = telegramChat(chat);
    if (message.attachments().isEmpty()) {
      return sendText(target, message, replyTo);
    }
    // A file's caption holds 1024 characters: a longer text goes first as a message of its own,
    // its buttons with it, and the file follows as a reply to it.
    String caption = renderer.render(message.text());
    List<Attachment> files = message.attachments();
    MessageRef first;
    List<Attachment> rest;
    if (TelegramRenderer.fitsCaption(caption)) {
      first = sendDocument(target, files.get(0), caption, replyTo, keyboard(message.buttons()));
      rest = files.subList(1, files.size());
    } else {
      first = sendText(target, message, replyTo);
      rest = files;
    }
    for (Attachment file : rest) {
      sendDocument(target, file, null, replyTo(first), null);
    }
    return first;
  }

  private MessageRef sendText(
      ChatRef target, OutgoingMessage message, @Nullable ReplyParameters replyTo) {
    SendMessage.SendMessageBuilder<?, ?> send =
        SendMessage.builder()
            .chatId(target.chatId())
            .text(renderer.render(message.text()))
            .parseMode(ParseMode.HTML)
            .linkPreviewOptions(noPreview());
    String thread = target.threadId();
    if (thread != null) {
      send.messageThreadId(parseId(thread, "thread id"));
    }
    if (replyTo != null) {
      send.replyParameters(replyTo);
    }
    InlineKeyboardMarkup keyboard = keyboard(message.buttons());
    if (keyboard != null) {
      send.replyMarkup(keyboard);
    }
    PickedAnswer.Sent sent = api.execute("sendMessage", new PickedAnswer(send.build()));
    return new MessageRef(target, String.valueOf(sent.messageId()));
  }

  /** {@code sendDocument}: the file as a multipart upload, with the caption in HTML. */
  private MessageRef sendDocument(
      ChatRef target,
      Attachment file,
      @Nullable String caption,
      @Nullable ReplyParameters replyTo,
      @Nullable InlineKeyboardMarkup keyboard) {
    SendDocument.SendDocumentBuilder<?, ?> send =
        SendDocument.builder()
            .chatId(target.chatId())
            .document(new InputFile(new ByteArrayInputStream(file.content()), file.fileName()));
    if (caption != null && !caption.isEmpty()) {
      send.caption(caption).parseMode(ParseMode.HTML);
    }
    String thread = target.threadId();
    if (thread != null) {
      send.messageThreadId(parseId(thread, "thread id"));
    }
    if (replyTo != null) {
      send.replyParameters(replyTo);
    }
    if (keyboard != null) {
      send.replyMarkup(keyboard);
    }
    SendDocument document = send.build();
    Message sent = api.call("sendDocument", c -> c.execute(document));
    return new MessageRef(target, String.valueOf(sent.getMessageId()));
  }

  /** Without allow_sending_without_reply a deleted message would make the reply fail. */
  private static ReplyParameters replyTo(MessageRef to) {
    return ReplyParameters.builder()
        .messageId(messageId(to))
        .allowSendingWithoutReply(true)
        .build();
  }

  private static @Nullable InlineKeyboardMarkup keyboard(List<Button> buttons) {
    if (buttons.isEmpty()) {
      return null;
    }
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
      InlineKeyboardRow row = new InlineKeyboardRow();
      for (Button b : buttons.subList(i, Math.min(i + BUTTONS_PER_ROW, buttons.size()))) {
        row.add(
            InlineKeyboardButton.builder()
                .text(b.label())
                .callbackData(b.action().encode())
                .build());
      }
      rows.add(row);
    }
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  private static LinkPreviewOptions noPreview() {
    return LinkPreviewOptions.builder().isDisabled(true).build();
  }

  private static ChatRef telegramChat(ChatRef chat) {
    if (chat.platform() != Platform.TELEGRAM) {
      throw new IllegalArgumentException("chat " + chat + " is not a Telegram chat");
    }
    return chat;
  }

  private static int messageId(MessageRef message) {
    telegramChat(message.chat());
    return parseId(message.messageId(), "message id");
  }

  private static int parseId(String id, String what) {
    try {
      return Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Telegram " + what + " '" + id + "' is not a number", e);
    }
  }
}
