package dev.meister.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meister.bot.app.TranscriptChatPort;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutboxWorkerTest {
  private static final ChatRef DATA = ChatRef.of(Platform.TELEGRAM, "-100001");
  private static final ChatRef BUILD = ChatRef.of(Platform.TELEGRAM, "-100002");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final TranscriptChatPort chat = new TranscriptChatPort(Platform.TELEGRAM);
  private final OutboxWorker worker = new OutboxWorker(outbox, new ChatPorts(List.of(chat)), clock);

  @Test
  void delivers_queued_messages_in_order_and_records_the_sent_message() {
    long first = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("one"), null));
    long second = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("two"), null));

    assertThat(worker.deliverDue()).isEqualTo(2);

    assertThat(chat.actions()).containsExactly("post -100001 one", "post -100001 two");
    assertThat(outbox.row(first).state()).isEqualTo("delivered");
    assertThat(outbox.row(second).sent()).isEqualTo(chat.sent().get(1).ref());
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void an_instance_that_does_not_lead_sends_nothing_and_sends_all_once_it_leads() {
    java.util.concurrent.atomic.AtomicReference<java.util.Optional<dev.meister.core.lease.Lease>>
        lease = new java.util.concurrent.atomic.AtomicReference<>(java.util.Optional.empty());
    OutboxWorker follower =
        new OutboxWorker(
            outbox,
            new ChatPorts(List.of(chat)),
            clock,
            null,
            () -> java.util.Objects.requireNonNull(lease.get()));
    long id = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("one"), null));

    assertThat(follower.deliverDue()).isZero();
    assertThat(chat.actions()).isEmpty();
    assertThat(outbox.row(id).entry().attempts()).as("no attempt spent").isZero();

    lease.set(java.util.Optional.of(new dev.meister.core.lease.Lease("b", 2)));
    assertThat(follower.deliverDue()).isEqualTo(1);
    assertThat(chat.actions()).containsExactly("post -100001 one");
  }

  @Test
  void a_send_the_database_refuses_to_record_for_a_deposed_leader_stays_pending() {
    Outbox fenced =
        new ForwardingOutbox(outbox) {
          @Override
          public void delivered(
              long id, dev.meister.core.chat.@Nullable MessageRef sent, Instant at) {
            throw new dev.meister.core.lease.NotLeaderException("b leads now");
          }
        };
    OutboxWorker deposed = new OutboxWorker(fenced, new ChatPorts(List.of(chat)), clock);
    long id = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("one"), null));
    outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("two"), null));

    assertThat(deposed.deliverDue()).isZero();
    assertThat(chat.actions())
        .as("the one in flight; nothing after it")
        .containsExactly("post -100001 one");
    assertThat(outbox.row(id).state()).isEqualTo("pending");
  }

  @Test
  void a_rate_limited_message_waits_as_long_as_the_chat_asks_and_holds_back_its_chat_only() {
    chat.failNext(
        new ChatDeliveryException(
            "Too Many Requests: retry after 3", true, Duration.ofSeconds(3), null));
    long limited = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("a"), null));
    outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("b"), null));
    outbox.enqueue(PendingMessage.post(BUILD, OutgoingMessage.plain("c"), null));

    worker.deliverDue();

    assertThat(chat.actions()).containsExactly("post -100002 c");
    assertThat(outbox.row(limited).entry().notBefore()).isEqualTo(clock.instant().plusSeconds(3));
    assertThat(outbox.row(limited).entry().attempts()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    worker.deliverDue();
    assertThat(chat.actions()).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    worker.deliverDue();
    assertThat(chat.actions())
        .containsExactly("post -100002 c", "post -100001 a", "post -100001 b");
  }

  @Test
  void an_outage_is_retried_with_growing_waits_and_nothing_is_lost() {
    for (int i = 0; i < 3; i++) {
      chat.failNext(new ChatDeliveryException("502 Bad Gateway", true, null, null));
    }
    long id = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("alert"), null));

    worker.deliverDue();
    Instant firstRetry = outbox.row(id).entry().notBefore();
    clock.set(firstRetry);
    worker.deliverDue();
    Instant secondRetry = outbox.row(id).entry().notBefore();
    clock.set(secondRetry);
    worker.deliverDue();
    clock.set(outbox.row(id).entry().notBefore());
    worker.deliverDue();

    assertThat(Duration.between(clock.start(), firstRetry)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.between(firstRetry, secondRetry)).isEqualTo(Duration.ofSeconds(2));
    assertThat(chat.actions()).containsExactly("post -100001 alert");
    assertThat(outbox.row(id).state()).isEqualTo("delivered");
  }

  @Test
  void a_refusal_for_good_is_kept_as_failed_and_does_not_block_the_chat() {
    chat.failNext(new ChatDeliveryException("Bad Request: chat not found", false, null, null));
    long refused = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("x"), null));
    outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("y"), null));

    worker.deliverDue();

    assertThat(outbox.row(refused).state()).isEqualTo("failed");
    assertThat(outbox.row(refused).error()).isEqualTo("Bad Request: chat not found");
    assertThat(chat.actions()).containsExactly("post -100001 y");
  }

  @Test
  void an_adapter_bug_on_one_message_holds_back_its_chat_only_and_is_retried_later() {
    chat.failNext(new IllegalStateException("adapter bug"));
    long broken = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("a"), null));
    outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("b"), null));
    outbox.enqueue(PendingMessage.post(BUILD, OutgoingMessage.plain("c"), null));

    worker.deliverDue();

    assertThat(chat.actions()).containsExactly("post -100002 c");
    assertThat(outbox.row(broken).state()).isEqualTo("pending");
    assertThat(outbox.row(broken).entry().notBefore()).isEqualTo(clock.instant().plusSeconds(1));
    assertThat(outbox.row(broken).error())
        .isEqualTo("java.lang.IllegalStateException: adapter bug");
  }

  @Test
  void a_platform_that_is_not_connected_keeps_its_messages_for_later() {
    ChatRef slack = ChatRef.of(Platform.SLACK, "C0123");
    long waiting = outbox.enqueue(PendingMessage.post(slack, OutgoingMessage.plain("x"), null));

    worker.deliverDue();

    assertThat(outbox.row(waiting).state()).isEqualTo("pending");
    assertThat(outbox.row(waiting).error()).isEqualTo("SLACK is not connected");
    assertThat(chat.actions()).isEmpty();
  }

  @Test
  void replies_and_edits_go_to_their_target_message() {
    MessageRef alertMessage = new MessageRef(DATA, "77");
    outbox.enqueue(PendingMessage.reply(alertMessage, OutgoingMessage.plain("on it"), null));
    outbox.enqueue(PendingMessage.edit(alertMessage, OutgoingMessage.plain("acked"), null));

    worker.deliverDue();

    assertThat(chat.actions()).containsExactly("reply 77 on it", "edit 77 acked");
  }

  @Test
  void a_message_for_a_chat_that_must_wait_starts_no_round_while_other_chats_still_do() {
    chat.failNext(
        new ChatDeliveryException(
            "Too Many Requests: retry after 30", true, Duration.ofSeconds(30), null));
    long limited = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("a"), null));
    // Only nudges start rounds after the first: the poll is an hour away.
    worker.start(Duration.ofHours(1));
    try {
      awaitRounds(1);
      // Once the first round has rescheduled it, the worker knows the chat waits.
      await().atMost(TIMEOUT).until(() -> outbox.row(limited).entry().attempts() == 1);

      outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("b"), null));
      assertThat(worker.nudge(DATA)).as("a nudge for the waiting chat asks for a round").isFalse();
      assertThat(outbox.rounds.get()).as("rounds after a nudge for the waiting chat").isEqualTo(1);

      outbox.enqueue(PendingMessage.post(BUILD, OutgoingMessage.plain("c"), null));
      assertThat(worker.nudge(BUILD)).isTrue();
      awaitRounds(2);
      awaitSent("post -100002 c");

      clock.advance(Duration.ofSeconds(30));
      assertThat(worker.nudge(DATA)).isTrue();
      awaitRounds(3);
      awaitSent("post -100002 c", "post -100001 a", "post -100001 b");
    } finally {
      worker.close();
    }
  }

  @Test
  void rate_limits_do_not_count_towards_the_backoff_of_a_later_outage() {
    for (int i = 0; i < 3; i++) {
      chat.failNext(
          new ChatDeliveryException(
              "Too Many Requests: retry after 2", true, Duration.ofSeconds(2), null));
    }
    for (int i = 0; i < 2; i++) {
      chat.failNext(new ChatDeliveryException("502 Bad Gateway", true, null, null));
    }
    long id = outbox.enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("alert"), null));

    List<Duration> waits = new ArrayList<>();
    worker.deliverDue();
    while (outbox.row(id).state().equals("pending")) {
      Instant next = outbox.row(id).entry().notBefore();
      waits.add(Duration.between(clock.instant(), next));
      clock.set(next);
      worker.deliverDue();
    }

    assertThat(waits)
        .as("three waits the chat asked for, then the outage backoff from 1 s")
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    assertThat(outbox.row(id).entry().attempts()).isEqualTo(5);
    assertThat(outbox.row(id).entry().failures()).isEqualTo(2);
    assertThat(chat.actions()).containsExactly("post -100001 alert");
  }

  /** Waits for the {@code rounds}-th delivery round to read the queue, and for no other. */
  private void awaitRounds(int rounds) {
    await().atMost(TIMEOUT).until(() -> outbox.rounds.get() >= rounds);
    assertThat(outbox.rounds.get()).isEqualTo(rounds);
  }

  /** A round is counted when it reads the queue; its sending may still be under way. */
  private void awaitSent(String... messages) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(chat.actions()).containsExactly(messages));
  }
}
