package dev.meister.core.delivery;

import dev.meister.core.alert.StormDigests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatPorts;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.AlertId;
import dev.meister.core.alert.Priority;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.StormGuard;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert storm against a real SQLite outbox: paced, folded, digested, nothing lost. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StormDigestsTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100001");

  @TempDir Path dir;
  private final OutboxWorkerTest.MutableClock clock =
      new OutboxWorkerTest.MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final List<String> sent = new ArrayList<>();
  private Storage storage;
  private OutboxWorker worker;
  private StormDigests storms;

  @BeforeEach
  void open() {
    storage = Storage.open(dir.resolve("meister.db"), clock);
    open(storage);
  }

  private void open(Storage s) {
    Team team = new Team(List.of());
    OnCallDirectory directory = new OnCallDirectory(List.of(), s.overrides(),
        ScheduleChanges.NONE, clock);
    storms = new StormDigests(new StormGuard(clock, 20, 20), s.outbox(),
        s.alerts(), new AlertMessages(team), directory, s.database(), clock);
    worker = new OutboxWorker(s.outbox(), new ChatPorts(List.of(new RecordingChat())), clock,
        storms);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private void alerts(int from, int count) {
    for (int i = from; i < from + count; i++) {
      AlertId id = storage.alerts().record(new Alert(null,
          "github:d" + i, "gh:o/r:fast_tests.yml", RotationId.of("buildmeister"), null,
          Priority.NORMAL, "Build fail - r fast (" + i + ")", clock.instant(), clock.instant(),
          GitHubRun.builder("o/r").runUrl("https://github.com/o/r/actions/runs/" + i).build()))
          .id();
      // As the intake queues an alert post: folded in the same step when over the pace.
      long queued = storage.outbox().enqueue(PendingMessage.post(CHAT,
          OutgoingMessage.plain("alert " + i), id));
      if (!storms.admit(CHAT)) {
        storage.outbox().fold(queued);
      }
    }
  }

  @Test
  void twenty_five_alerts_in_a_minute_become_twenty_messages_and_one_digest_of_five() {
    alerts(1, 25);

    worker.deliverDue();

    assertThat(sent).hasSize(21);
    assertThat(sent.subList(0, 20)).allMatch(t -> t.startsWith("alert "));
    assertThat(sent.get(20))
        .startsWith("5 more failures in unrouted routes:")
        .contains("#21 Build fail - r fast (21)", "#25 Build fail - r fast (25)")
        .contains("/ack");
    assertThat(storage.outbox().pendingCount()).isZero();
    assertThat(storage.outbox().folded(CHAT, 100)).isEmpty();
  }

  @Test
  void a_digest_counts_the_whole_storm_lists_its_oldest_and_announces_each_alert_once() {
    alerts(1, 80);

    worker.deliverDue();

    assertThat(sent).hasSize(21);
    assertThat(sent.get(20))
        .startsWith("60 more failures in unrouted routes:")
        .contains("#21 Build fail - r fast (21)", "#40 Build fail - r fast (40)")
        .doesNotContain("#41 ")
        .contains("… and 40 more.");
    assertThat(storage.outbox().folded(CHAT, 100)).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    worker.deliverDue();
    assertThat(sent).as("nothing is announced twice").hasSize(21);
  }

  @Test
  void folded_alerts_are_still_announced_after_a_restart() {
    alerts(1, 10);
    storage.outbox().fold(storage.outbox().due(clock.instant(), 100).get(9).id());
    storage.close();

    storage = Storage.open(dir.resolve("meister.db"), clock);
    open(storage);
    worker.deliverDue();

    assertThat(sent).hasSize(10);
    assertThat(sent.get(9)).startsWith("1 more failure in").contains("#10");
  }

  @Test
  void once_the_pace_allows_again_alerts_are_posted_on_their_own() {
    alerts(1, 25);
    worker.deliverDue();

    clock.advance(Duration.ofMinutes(1));
    alerts(26, 1);
    worker.deliverDue();

    assertThat(sent.get(sent.size() - 1)).isEqualTo("alert 26");
  }

  /** Records the plain text of every message. */
  private final class RecordingChat implements ChatPort {
    private int ids;

    @Override
    public Platform platform() {
      return Platform.TELEGRAM;
    }

    @Override
    public MessageRef post(ChatRef chat, OutgoingMessage message) {
      sent.add(message.text().plainText());
      return new MessageRef(chat, Integer.toString(++ids));
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
