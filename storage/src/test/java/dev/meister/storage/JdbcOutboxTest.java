package dev.meister.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.team.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JdbcOutboxTest extends StorageTestBase {
  private static final ChatRef DATA = new ChatRef(Platform.TELEGRAM, "-100001", "42");
  private static final ChatRef BUILD = ChatRef.of(Platform.TELEGRAM, "-100002");

  private static OutgoingMessage message(String text) {
    return new OutgoingMessage(
        RichText.builder()
            .emoji("red_circle")
            .text(" ")
            .bold(text)
            .newline()
            .code("task_<1>")
            .text(" & ")
            .link("run", "https://example.org/r?a=1&b=2")
            .mention(MemberId.of("bob"))
            .codeBlock("Traceback:\n  boom")
            .build(),
        List.of(new Button("👀 Looking", new ButtonAction.Ack(17))));
  }

  @Test
  void a_queued_message_survives_a_restart_exactly_as_written() {
    AlertId alert = storage.alerts().record(alert("o1")).id();
    long id = storage.outbox().enqueue(PendingMessage.post(DATA, message("Build fail"), alert));

    reopen();

    List<OutboxEntry> due = storage.outbox().due(NOW, 10);
    assertThat(due)
        .containsExactly(
            new OutboxEntry(
                id, PendingMessage.post(DATA, message("Build fail"), alert), 0, 0, NOW));
    assertThat(storage.outbox().pendingCount()).isEqualTo(1);
  }

  // Issue #13 item 7: the reminder "carries an `.ics` invitation"; it waits in the outbox with it.
  @Test
  void a_queued_message_with_a_file_survives_a_restart_byte_for_byte() {
    byte[] ics = "BEGIN:VCALENDAR\r\nSUMMARY:Übergabe\r\nEND:VCALENDAR\r\n".getBytes(UTF_8);
    Attachment file =
        new Attachment(
            "hausmeister-handoff-2026-11-23.ics",
            "text/calendar; method=REQUEST; charset=utf-8",
            ics);
    OutgoingMessage sent = message("Reminder").withAttachment(file);
    long id = storage.outbox().enqueue(PendingMessage.post(DATA, sent, null));

    reopen();

    OutboxEntry due = storage.outbox().due(NOW, 10).get(0);
    assertThat(due.id()).isEqualTo(id);
    assertThat(due.message().message()).isEqualTo(sent);
    Attachment read = due.message().message().attachments().get(0);
    assertThat(read.fileName()).isEqualTo("hausmeister-handoff-2026-11-23.ics");
    assertThat(read.mediaType()).isEqualTo("text/calendar; method=REQUEST; charset=utf-8");
    assertThat(read.content()).isEqualTo(ics);
    assertThat(due.message().message().buttons()).hasSize(1);
  }

  @Test
  void a_row_queued_before_messages_had_files_still_loads_without_any() throws Exception {
    long id = storage.outbox().enqueue(PendingMessage.post(DATA, message("old"), null));
    storage.close();
    // The body as this table held it before attachments existed.
    try (Connection c = connect(target);
        PreparedStatement ps = c.prepareStatement("UPDATE outbox SET body = ? WHERE id = ?")) {
      ps.setString(
          1,
          "{\"spans\":[{\"t\":\"plain\",\"v\":\"old\"}],\"buttons\":[{\"label\":\"👀 Looking\","
              + "\"action\":\"ack\",\"payload\":\"17\"}]}");
      ps.setLong(2, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    reopen();

    OutgoingMessage read = storage.outbox().due(NOW, 10).get(0).message().message();
    assertThat(read.text().plainText()).isEqualTo("old");
    assertThat(read.buttons()).containsExactly(new Button("👀 Looking", new ButtonAction.Ack(17)));
    assertThat(read.attachments()).isEmpty();
  }

  @Test
  void a_message_without_files_is_written_as_before() throws Exception {
    long id = storage.outbox().enqueue(PendingMessage.post(DATA, OutgoingMessage.plain("x"), null));
    storage.close();

    try (Connection c = connect(target);
        PreparedStatement ps = c.prepareStatement("SELECT body FROM outbox WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1))
            .isEqualTo("{\"spans\":[{\"t\":\"plain\",\"v\":\"x\"}],\"buttons\":[]}");
      }
    }
    reopen();
  }

  @Test
  void delivering_an_alert_message_links_it_to_the_alert_in_the_same_step() {
    AlertId alert = storage.alerts().record(alert("o2")).id();
    long id = storage.outbox().enqueue(PendingMessage.post(DATA, message("x"), alert));
    MessageRef sent = new MessageRef(DATA, "555");

    storage.outbox().delivered(id, sent, NOW);

    assertThat(storage.outbox().due(NOW, 10)).isEmpty();
    assertThat(storage.messageLinks().alertFor(sent)).contains(alert);
  }

  @Test
  void delivering_an_answer_about_an_alert_links_it_apart_from_the_alert_messages() {
    AlertId alert = storage.alerts().record(alert("o3")).id();
    MessageRef post = new MessageRef(DATA, "556");
    storage.messageLinks().link(post, alert);
    long id = storage.outbox().enqueue(PendingMessage.answer(post, message("Filed #9110"), alert));
    assertThat(storage.outbox().due(NOW, 10))
        .extracting(e -> e.message())
        .containsExactly(PendingMessage.answer(post, message("Filed #9110"), alert));
    MessageRef sent = new MessageRef(DATA, "557");

    storage.outbox().delivered(id, sent, NOW);
    reopen();

    assertThat(storage.messageLinks().alertAnsweredBy(sent)).contains(alert);
    assertThat(storage.messageLinks().alertFor(sent)).isEmpty();
    assertThat(storage.messageLinks().messagesFor(alert)).containsExactly(post);
    assertThat(storage.messageLinks().alertAnsweredBy(post)).isEmpty();
  }

  @Test
  void a_message_waiting_to_be_retried_holds_back_later_ones_of_its_chat_only() {
    long first = storage.outbox().enqueue(PendingMessage.post(DATA, message("1"), null));
    long second = storage.outbox().enqueue(PendingMessage.post(DATA, message("2"), null));
    long other = storage.outbox().enqueue(PendingMessage.post(BUILD, message("3"), null));

    storage.outbox().retryLater(first, NOW.plusSeconds(3), "429 retry after 3");

    assertThat(storage.outbox().due(NOW, 10)).extracting(OutboxEntry::id).containsExactly(other);
    assertThat(storage.outbox().due(NOW.plusSeconds(3), 10))
        .extracting(OutboxEntry::id)
        .containsExactly(first, second, other);
    assertThat(storage.outbox().due(NOW.plusSeconds(3), 10).get(0).attempts()).isEqualTo(1);
  }

  @Test
  void rate_limited_tries_count_as_attempts_but_not_as_failures_across_a_restart() {
    long id = storage.outbox().enqueue(PendingMessage.post(DATA, message("1"), null));

    storage.outbox().rateLimited(id, NOW.plusSeconds(3), "429 retry after 3");
    storage.outbox().rateLimited(id, NOW.plusSeconds(6), "429 retry after 3");
    storage.outbox().retryLater(id, NOW.plusSeconds(7), "502 Bad Gateway");
    reopen();

    OutboxEntry entry = storage.outbox().due(NOW.plusSeconds(7), 10).get(0);
    assertThat(entry.attempts()).isEqualTo(3);
    assertThat(entry.failures()).isEqualTo(1);
    assertThat(entry.notBefore()).isEqualTo(NOW.plusSeconds(7));
  }

  @Test
  void a_refused_message_is_kept_as_failed_and_no_longer_due() {
    long id =
        storage
            .outbox()
            .enqueue(PendingMessage.reply(new MessageRef(DATA, "9"), message("r"), null));

    storage.outbox().failed(id, "400 Bad Request: chat not found", NOW);

    assertThat(storage.outbox().due(NOW.plusSeconds(3600), 10)).isEmpty();
    assertThat(storage.outbox().pendingCount()).isZero();
  }

  @Test
  void folded_entries_are_found_per_chat_and_the_chats_that_have_them_are_listed() {
    ChatRef topic = new ChatRef(Platform.TELEGRAM, "-100002", "42");
    long a = storage.outbox().enqueue(PendingMessage.post(DATA, message("a"), null));
    long b = storage.outbox().enqueue(PendingMessage.post(BUILD, message("b"), null));
    long c = storage.outbox().enqueue(PendingMessage.post(DATA, message("c"), null));
    long d = storage.outbox().enqueue(PendingMessage.post(topic, message("d"), null));
    storage.outbox().enqueue(PendingMessage.post(BUILD, message("not folded"), null));
    for (long id : List.of(a, b, c, d)) {
      storage.outbox().fold(id);
    }

    assertThat(storage.outbox().folded(DATA, 10)).extracting(OutboxEntry::id).containsExactly(a, c);
    assertThat(storage.outbox().folded(DATA, 1)).extracting(OutboxEntry::id).containsExactly(a);
    assertThat(storage.outbox().folded(topic, 10)).extracting(OutboxEntry::id).containsExactly(d);
    assertThat(storage.outbox().chatsWithFolded()).containsExactlyInAnyOrder(DATA, BUILD, topic);

    assertThat(storage.outbox().digestFolded(BUILD, NOW)).isEqualTo(1);
    assertThat(storage.outbox().chatsWithFolded()).containsExactlyInAnyOrder(DATA, topic);
    assertThat(storage.outbox().digestFolded(DATA, NOW)).isEqualTo(2);
    assertThat(storage.outbox().folded(DATA, 10)).isEmpty();
    assertThat(storage.outbox().folded(topic, 10)).extracting(OutboxEntry::id).containsExactly(d);
  }

  @Test
  void a_message_queued_folded_is_held_for_the_digest_like_one_folded_after_queueing() {
    long queuedThenFolded = storage.outbox().enqueue(PendingMessage.post(DATA, message("a"), null));
    storage.outbox().fold(queuedThenFolded);
    long folded = storage.outbox().enqueueFolded(PendingMessage.post(DATA, message("b"), null));
    long pending = storage.outbox().enqueue(PendingMessage.post(DATA, message("c"), null));

    assertThat(storage.outbox().folded(DATA, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(queuedThenFolded, folded);
    assertThat(storage.outbox().due(NOW.plusSeconds(3600), 10))
        .extracting(OutboxEntry::id)
        .containsExactly(pending);
    assertThat(storage.outbox().digestFolded(DATA, NOW)).isEqualTo(2);
  }

  @Test
  void a_long_backlog_behind_a_waiting_entry_is_not_due_and_other_chats_are() {
    long head = storage.outbox().enqueue(PendingMessage.post(DATA, message("head"), null));
    for (int i = 0; i < 500; i++) {
      storage.outbox().enqueue(PendingMessage.post(DATA, message("backlog " + i), null));
    }
    long other = storage.outbox().enqueue(PendingMessage.post(BUILD, message("other"), null));
    storage.outbox().retryLater(head, NOW.plusSeconds(60), "429");

    assertThat(storage.outbox().due(NOW, 10)).extracting(OutboxEntry::id).containsExactly(other);
    assertThat(storage.outbox().due(NOW.plusSeconds(60), 3))
        .extracting(OutboxEntry::id)
        .containsExactly(head, head + 1, head + 2);
  }

  @Test
  void the_delivery_round_finds_pending_chats_among_many_whose_messages_were_all_delivered() {
    for (int i = 0; i < 200; i++) {
      ChatRef done = ChatRef.of(Platform.TELEGRAM, "-2000" + i);
      long id = storage.outbox().enqueue(PendingMessage.post(done, message("done " + i), null));
      storage.outbox().delivered(id, new MessageRef(done, "m" + i), NOW);
    }
    long data = storage.outbox().enqueue(PendingMessage.post(DATA, message("data"), null));
    long build = storage.outbox().enqueue(PendingMessage.post(BUILD, message("build"), null));

    assertThat(storage.outbox().due(NOW, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(data, build);
  }

  @Test
  void each_step_of_the_chat_walk_seeks_the_index_of_pending_rows() throws Exception {
    Assumptions.assumeTrue(vendor == Vendor.SQLITE, "SQLite's query plan");
    for (String step : JdbcOutbox.pendingChats(Vendor.SQLITE)) {
      String plan =
          storage
              .database()
              .transaction(
                  "explaining a step of the chat walk",
                  c -> {
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + step)) {
                      for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                        ps.setString(i, "");
                      }
                      StringBuilder text = new StringBuilder();
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          text.append(rs.getString("detail")).append('\n');
                        }
                      }
                      return text.toString();
                    }
                  });
      assertThat(plan).as(step).contains("outbox_pending_chat");
    }
  }

  @Test
  void a_listener_hears_of_a_queued_message_once_it_is_committed_and_not_after_closing() {
    List<String> heard = new ArrayList<>();
    Subscription listening =
        storage
            .outbox()
            .onQueued(chat -> heard.add(chat + " due " + storage.outbox().due(NOW, 10).size()));

    storage
        .database()
        .execute(
            "queue two",
            c -> {
              storage.outbox().enqueue(PendingMessage.post(DATA, message("one"), null));
              storage.outbox().enqueue(PendingMessage.post(BUILD, message("two"), null));
              heard.add("before the commit");
            });
    assertThatThrownBy(
            () ->
                storage
                    .database()
                    .execute(
                        "rolled back",
                        c -> {
                          storage
                              .outbox()
                              .enqueue(PendingMessage.post(DATA, message("lost"), null));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    listening.close();
    storage.outbox().enqueue(PendingMessage.post(DATA, message("unheard"), null));

    assertThat(heard).containsExactly("before the commit", DATA + " due 2", BUILD + " due 2");
  }

  @Test
  void a_listener_hears_of_a_queued_issue_request_once_it_is_committed() {
    AlertId alert = storage.alerts().record(alert("r1")).id();
    List<String> heard = new ArrayList<>();
    storage
        .issueRequests()
        .onQueued(
            a ->
                heard.add(
                    "request for #" + a + ", due " + storage.issueRequests().due(NOW, 10).size()));

    storage
        .issueRequests()
        .enqueue(
            dev.meister.core.filing.IssueRequestKind.ANALYSE,
            alert,
            null,
            null,
            "meister",
            java.util.Optional.empty(),
            NOW);

    assertThat(heard).containsExactly("request for #" + alert + ", due 1");
  }
}
