package dev.meister.bot.app;

import dev.meister.bot.app.ChatHarness.Kind;
import dev.meister.bot.app.ChatHarness.Sent;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.PrivateAnswer;
import dev.meister.core.chat.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Passes everything to a port and records it, for adapters without a platform fake to ask. */
final class RecordingChatPort implements ChatPort {
  private final ChatPort port;
  private final Function<OutgoingMessage, String> render;
  private final Function<String, List<String>> mentions;
  private final List<Sent> sent = new ArrayList<>();
  private final List<String> answers = new ArrayList<>();
  private final List<Sent> privately = new ArrayList<>();

  RecordingChatPort(
      ChatPort port,
      Function<OutgoingMessage, String> render,
      Function<String, List<String>> mentions) {
    this.port = port;
    this.render = render;
    this.mentions = mentions;
  }

  @Override
  public Platform platform() {
    return port.platform();
  }

  @Override
  public synchronized MessageRef post(ChatRef chat, OutgoingMessage message) {
    MessageRef ref = port.post(chat, message);
    sent.add(record(Kind.POST, ref.messageId(), "", message));
    return ref;
  }

  @Override
  public synchronized MessageRef reply(MessageRef to, OutgoingMessage message) {
    MessageRef ref = port.reply(to, message);
    sent.add(record(Kind.REPLY, ref.messageId(), to.messageId(), message));
    return ref;
  }

  @Override
  public synchronized void edit(MessageRef message, OutgoingMessage replacement) {
    port.edit(message, replacement);
    sent.add(record(Kind.EDIT, message.messageId(), "", replacement));
  }

  @Override
  public synchronized void answerButton(ChatEvent.ButtonPress press, String toast) {
    port.answerButton(press, toast);
    answers.add(toast);
  }

  @Override
  public synchronized PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
    PrivateAnswer where = port.answerPrivately(event, message);
    // "under" names whom it was for: the console prints it for its one reader, whoever asked.
    privately.add(record(Kind.POST, "", event.sender().userId(), message));
    return where;
  }

  synchronized List<Sent> privately() {
    return List.copyOf(privately);
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized List<String> answers() {
    return List.copyOf(answers);
  }

  private Sent record(Kind kind, String id, String under, OutgoingMessage message) {
    String text = render.apply(message);
    return new Sent(
        kind,
        id,
        under,
        text,
        mentions.apply(text),
        message.buttons().stream().map(b -> b.action().encode()).toList(),
        message.text().spans().stream()
            .filter(Span.Link.class::isInstance)
            .map(l -> ((Span.Link) l).url())
            .toList());
  }
}
