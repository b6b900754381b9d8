package dev.meister.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.RichText;
import dev.meister.storage.GroupCommit;
import dev.meister.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery worker is woken by the outbox once a message's transaction has committed, as the
 * composition root wires it: nobody calls it, and its poll is an hour away.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutboxWakeUpTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100001");

  @TempDir Path dir;
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private Storage storage;
  private OutboxWorker worker;

  @BeforeEach
  void start() {
    storage = Storage.open(dir.resolve("meister.db"), Clock.systemUTC());
    worker =
        new OutboxWorker(storage.outbox(), new ChatPorts(List.of(new Chat())), Clock.systemUTC());
    storage.outbox().onQueued(worker::nudge);
    worker.start(Duration.ofHours(1));
    // The first round runs at start; once it delivered this, only a wake-up can send more.
    storage.outbox().enqueue(post("first"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sent.contains("first"));
  }

  @AfterEach
  void stop() {
    worker.close();
    storage.close();
  }

  @Test
  void a_message_queued_in_a_group_commit_is_delivered_without_a_poll() {
    try (GroupCommit commits = new GroupCommit(storage.database(), 16)) {
      commits.inTransaction(() -> storage.outbox().enqueue(post("from the intake")));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> sent.contains("from the intake"));
  }

  @Test
  void a_message_of_a_rolled_back_transaction_wakes_nothing_and_is_never_sent() {
    assertThatThrownBy(
            () ->
                storage
                    .database()
                    .execute(
                        "failing",
                        c -> {
                          storage.outbox().enqueue(post("rolled back"));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    storage.outbox().enqueue(post("committed"));

    await().atMost(Duration.ofSeconds(10)).until(() -> sent.contains("committed"));
    assertThat(sent).containsExactly("first", "committed");
  }

  private static PendingMessage post(String text) {
    return PendingMessage.post(
        CHAT, OutgoingMessage.of(RichText.builder().text(text).build()), null);
  }

  private final class Chat implements ChatPort {
    @Override
    public Platform platform() {
      return Platform.TELEGRAM;
    }

    @Override
    public MessageRef post(ChatRef chat, OutgoingMessage message) {
      sent.add(message.text().plainText());
      return new MessageRef(chat, Integer.toString(sent.size()));
    }

    @Override
    public MessageRef reply(MessageRef to, OutgoingMessage message) {
      return post(to.chat(), message);
    }

    @Override
    public void edit(MessageRef message, OutgoingMessage replacement) {
      sent.add("edit " + replacement.text().plainText());
    }
  }
}
