package dev.meister.bot.app;

import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The recording chat port: a chat platform that keeps what the bot sent, text with mentions as
 * {@code @member}, edits as {@code (edit) text}, and the toasts it answered presses with. It fails
 * the next calls on demand ({@link #failNext}), as a chat in an outage or refusing a message does.
 */
public final class TranscriptChatPort implements ChatPort {
  /** One message the bot sent, with the files it came with. */
  public record Sent(
      ChatRef chat,
      MessageRef ref,
      @Nullable MessageRef replyTo,
      String text,
      List<Button> buttons,
      List<Attachment> attachments) {
    public Sent {
      buttons = List.copyOf(buttons);
      attachments = List.copyOf(attachments);
    }
  }

  private final Platform platform;
  private final AtomicLong ids = new AtomicLong(1000);
  private final List<Sent> sent = new ArrayList<>();
  private final List<String> toasts = new ArrayList<>();
  private final List<String> actions = new ArrayList<>();
  private final java.util.Deque<RuntimeException> failures = new java.util.ArrayDeque<>();

  public TranscriptChatPort(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public synchronized MessageRef post(ChatRef chat, OutgoingMessage message) {
    maybeFail();
    actions.add("post " + chat.chatId() + " " + message.text().plainText());
    MessageRef ref = new MessageRef(chat, Long.toString(ids.incrementAndGet()));
    sent.add(
        new Sent(
            chat, ref, null, message.text().plainText(), message.buttons(), message.attachments()));
    return ref;
  }

  @Override
  public synchronized MessageRef reply(MessageRef to, OutgoingMessage message) {
    maybeFail();
    actions.add("reply " + to.messageId() + " " + message.text().plainText());
    MessageRef ref = new MessageRef(to.chat(), Long.toString(ids.incrementAndGet()));
    sent.add(
        new Sent(
            to.chat(),
            ref,
            to,
            message.text().plainText(),
            message.buttons(),
            message.attachments()));
    return ref;
  }

  @Override
  public synchronized void edit(MessageRef message, OutgoingMessage replacement) {
    maybeFail();
    actions.add("edit " + message.messageId() + " " + replacement.text().plainText());
    sent.add(
        new Sent(
            message.chat(),
            message,
            message,
            "(edit) " + replacement.text().plainText(),
            replacement.buttons(),
            List.of()));
  }

  @Override
  public synchronized void answerButton(ChatEvent.ButtonPress press, String toast) {
    toasts.add(toast);
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized List<String> texts() {
    return sent.stream().map(Sent::text).toList();
  }

  public synchronized List<String> toasts() {
    return List.copyOf(toasts);
  }

  /**
   * What was sent, one line each: {@code post CHAT text}, {@code reply MESSAGE text}, {@code edit
   * MESSAGE text}.
   */
  public synchronized List<String> actions() {
    return List.copyOf(actions);
  }

  /** The next call to post, reply or edit throws {@code e} instead (queued in order). */
  public synchronized void failNext(RuntimeException e) {
    failures.add(e);
  }

  private void maybeFail() {
    RuntimeException e = failures.poll();
    if (e != null) {
      throw e;
    }
  }

  public synchronized void clear() {
    sent.clear();
    toasts.clear();
    actions.clear();
  }
}
