package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.core.delivery.OutboxReplies;
import dev.meister.core.delivery.OutboxWorker;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's reply is queued in the outbox (a real SQLite file) and delivered by the worker to a
 * fake Bot API on loopback: a 429 delays the answer, it no longer loses it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandReplyOutboxTest {
  private static final String TOKEN = "123:reply-token";
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final ChatRef GROUP = ChatRef.of(Platform.TELEGRAM, "-100555");

  @TempDir Path dir;
  private final FakeTelegramApi telegram = new FakeTelegramApi(TOKEN);
  private final TelegramApi api = new TelegramApi(TOKEN, telegram.url());
  private final ChatPorts ports =
      new ChatPorts(List.of(new TelegramChatPort(api, new TelegramRenderer(new Team(List.of())))));
  private @org.jspecify.annotations.Nullable Storage storage;

  CommandReplyOutboxTest() throws java.io.IOException {}

  @AfterEach
  void close() {
    api.close();
    telegram.close();
    if (storage != null) {
      storage.close();
    }
  }

  @Test
  void a_reply_refused_with_429_is_delivered_once_the_wait_is_over() throws Exception {
    Storage storage = Storage.open(dir.resolve("meister.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    this.storage = storage;
    ChatDispatcher dispatcher =
        new ChatDispatcher(
            new ChatRoutes().command(new Ping()),
            new MemberResolver(new Team(List.of())),
            ports,
            new OutboxReplies(storage.outbox()),
            storage.database(),
            sender -> false);
    telegram.rateLimitNext("sendMessage", 1, 5);

    dispatcher.handle(
        new ChatEvent.Command(
            GROUP,
            new Sender(Platform.TELEGRAM, "7", "someone", "Someone"),
            new MessageRef(GROUP, "41"),
            "ping",
            List.of(),
            null));

    assertThat(telegram.requests("sendMessage")).as("nothing is sent before delivery").isEmpty();
    new OutboxWorker(storage.outbox(), ports, clockAt(NOW)).deliverDue();
    assertThat(telegram.requests("sendMessage")).as("the refused try").hasSize(1);
    assertThat(storage.outbox().pendingCount()).as("still queued after the 429").isEqualTo(1);

    new OutboxWorker(storage.outbox(), ports, clockAt(NOW.plusSeconds(4))).deliverDue();
    assertThat(telegram.requests("sendMessage")).as("waiting out Retry-After").hasSize(1);

    new OutboxWorker(storage.outbox(), ports, clockAt(NOW.plusSeconds(6))).deliverDue();
    List<com.fasterxml.jackson.databind.JsonNode> sent = telegram.requests("sendMessage");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).path("text").asText()).isEqualTo("pong");
    assertThat(sent.get(1).path("reply_parameters").path("message_id").asText()).isEqualTo("41");
    assertThat(storage.outbox().pendingCount()).isZero();
  }

  private static Clock clockAt(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  /** Answers "pong"; anyone may ask. */
  private static final class Ping implements CommandHandler {
    @Override
    public String name() {
      return "ping";
    }

    @Override
    public String usage() {
      return "/ping";
    }

    @Override
    public String summary() {
      return "answers pong";
    }

    @Override
    public CommandReply handle(CommandRequest request) {
      return CommandReply.plain("pong");
    }
  }
}
