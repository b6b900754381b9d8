package dev.meister.bot.app;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.PrivateAnswer;

/** A chat port that says it is connected only while its chat's {@link ChatLink} is up. */
final class LinkedChatPort implements ChatPort {
  private final ChatPort port;
  private final ChatLink link;

  LinkedChatPort(ChatPort port, ChatLink link) {
    this.port = port;
    this.link = link;
  }

  @Override
  public Platform platform() {
    return port.platform();
  }

  @Override
  public MessageRef post(ChatRef chat, OutgoingMessage message) {
    return port.post(chat, message);
  }

  @Override
  public MessageRef reply(MessageRef to, OutgoingMessage message) {
    return port.reply(to, message);
  }

  @Override
  public void edit(MessageRef message, OutgoingMessage replacement) {
    port.edit(message, replacement);
  }

  @Override
  public void answerButton(ChatEvent.ButtonPress press, String toast) {
    port.answerButton(press, toast);
  }

  @Override
  public PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
    return port.answerPrivately(event, message);
  }

  @Override
  public boolean connected() {
    return link.isUp();
  }
}
