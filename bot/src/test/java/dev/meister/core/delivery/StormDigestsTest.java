package dev.meister.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meister.bot.app.TranscriptChatPort;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.StormDigests;
import dev.meister.core.alert.StormGuard;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import dev.meister.testing.MutableClock;
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
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final TranscriptChatPort chat = new TranscriptChatPort(Platform.TELEGRAM);
  private Storage storage;
  private OutboxWorker worker;
  private StormDigests storms;

  /** Runs each time the digests read a chat's folded entries. */
  private Runnable onFolded = () -> {};

  @BeforeEach
  void open() {
    storage = Storage.open(dir.resolve("meister.db"), clock);
    open(storage);
  }

  private void open(Storage s) {
    Team team = new Team(List.of());
    OnCallDirectory directory =
        new OnCallDirectory(List.of(), s.overrides(), ScheduleChanges.NONE, clock);
    storms =
        new StormDigests(
            new StormGuard(clock, 20, 20),
            new ObservedOutbox(s.outbox()),
            s.alerts(),
            new AlertMessages(team),
            directory,
            s.database(),
            clock);
    worker = new OutboxWorker(s.outbox(), new ChatPorts(List.of(chat)), clock, storms);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private void alerts(int from, int count) {
    for (int i = from; i < from + count; i++) {
      int n = i;
      // As the intake stores an alert and queues its post: folded in the same transaction when
      // over the pace.
      storage
          .database()
          .inTransaction(
              () -> {
                AlertId id =
                    storage
                        .alerts()
                        .record(
                            new Alert(
                                null,
                                "github:d" + n,
                                "gh:o/r:fast_tests.yml",
                                RotationId.of("buildmeister"),
                                null,
                                AlertPriority.NONE,
                                "Build fail - r fast (" + n + ")",
                                clock.instant(),
                                clock.instant(),
                                GitHubRun.builder("o/r")
                                    .runUrl("https://github.com/o/r/actions/runs/" + n)
                                    .build()))
                        .id();
                long queued =
                    storage
                        .outbox()
                        .enqueue(
                            PendingMessage.post(CHAT, OutgoingMessage.plain("alert " + n), id));
                if (!storms.admit(CHAT)) {
                  storage.outbox().fold(queued);
                }
                return queued;
              });
    }
  }

  @Test
  void twenty_five_alerts_in_a_minute_become_twenty_messages_and_one_digest_of_five() {
    alerts(1, 25);

    worker.deliverDue();

    assertThat(sent()).hasSize(21);
    assertThat(sent().subList(0, 20)).allMatch(t -> t.startsWith("alert "));
    assertThat(sent().get(20))
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

    assertThat(sent()).hasSize(21);
    assertThat(sent().get(20))
        .startsWith("60 more failures in unrouted routes:")
        .contains("#21 Build fail - r fast (21)", "#40 Build fail - r fast (40)")
        .doesNotContain("#41 ")
        .contains("… and 40 more.");
    assertThat(storage.outbox().folded(CHAT, 100)).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    worker.deliverDue();
    assertThat(sent()).as("nothing is announced twice").hasSize(21);
  }

  @Test
  void a_round_with_nothing_folded_does_not_use_up_the_chats_next_digest() {
    alerts(1, 25);
    worker.deliverDue();
    clock.advance(Duration.ofMinutes(1));
    // A round a minute after the digest, with nothing folded: no digest, and none owed either.
    worker.deliverDue();
    assertThat(sent()).hasSize(21);

    clock.advance(Duration.ofSeconds(1));
    alerts(26, 25);
    worker.deliverDue();

    assertThat(sent())
        .as("the burst back after a minute, and the second wave's digest a minute after the first")
        .hasSize(42);
    assertThat(sent().get(41)).startsWith("5 more failures in").contains("#46 ", "#50 ");
  }

  @Test
  void folded_alerts_are_still_announced_after_a_restart() {
    alerts(1, 10);
    storage.outbox().fold(storage.outbox().due(clock.instant(), 100).get(9).id());

    restart();
    worker.deliverDue();

    assertThat(sent()).hasSize(10);
    assertThat(sent().get(9)).startsWith("1 more failure in").contains("#10");
  }

  @Test
  void once_the_pace_allows_again_alerts_are_posted_on_their_own() {
    alerts(1, 25);
    worker.deliverDue();

    clock.advance(Duration.ofMinutes(1));
    alerts(26, 1);
    worker.deliverDue();

    assertThat(sent().get(sent().size() - 1)).isEqualTo("alert 26");
  }

  @Test
  void a_chat_that_had_its_burst_just_before_a_restart_gets_no_second_one_after_it() {
    alerts(1, 20);
    worker.deliverDue();

    restart();
    clock.advance(Duration.ofSeconds(5));
    alerts(21, 10);
    worker.deliverDue();

    assertThat(sent().stream().filter(t -> t.startsWith("alert ")))
        .as("twenty before the restart, and the one token back in five seconds")
        .hasSize(21);
    assertThat(sent().get(sent().size() - 1))
        .startsWith("9 more failures in")
        .contains("#22 Build fail - r fast (22)", "#30 Build fail - r fast (30)");
  }

  @Test
  void a_digest_queued_before_a_restart_holds_back_the_next_for_its_minute() {
    alerts(1, 25);
    worker.deliverDue();
    assertThat(sent()).hasSize(21);

    restart();
    clock.advance(Duration.ofSeconds(10));
    alerts(26, 10);
    worker.deliverDue();

    assertThat(sent())
        .as("three tokens back in ten seconds, no digest yet")
        .hasSize(24)
        .noneMatch(t -> t.startsWith("10 more") || t.startsWith("7 more"));
    clock.advance(Duration.ofSeconds(50));
    worker.deliverDue();
    assertThat(sent()).hasSize(25);
    assertThat(sent().get(24)).startsWith("7 more failures in").contains("#29 ", "#35 ");
  }

  @Test
  void a_digest_pending_across_a_restart_lists_the_oldest_twenty_alerts_it_holds() {
    alerts(1, 60);
    assertThat(storms.release()).isEqualTo(1);

    restart();
    worker.deliverDue();

    assertThat(sent()).hasSize(21);
    assertThat(sent().get(20))
        .startsWith("40 more failures in")
        .contains("#21 Build fail - r fast (21)", "#40 Build fail - r fast (40)")
        .doesNotContain("#41 ")
        .contains("… and 20 more.");
    assertThat(listed(sent().get(20))).isEqualTo(20);
  }

  @Test
  void a_digest_lists_the_oldest_twenty_even_when_the_intake_folds_more_while_it_is_composed()
      throws InterruptedException {
    alerts(1, 29);
    List<Thread> intakes = new ArrayList<>();
    onFolded =
        () -> {
          if (!intakes.isEmpty()) {
            return;
          }
          // A webhook burst on another thread folds 30 more alerts meanwhile: it either commits
          // before the digest marks what it holds, or waits for the digest's transaction.
          Thread intake = new Thread(() -> alerts(30, 30), "intake");
          intakes.add(intake);
          intake.start();
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      intake.getState() == Thread.State.WAITING
                          || intake.getState() == Thread.State.TERMINATED);
        };

    worker.deliverDue();
    intakes.get(0).join(10_000);
    clock.advance(Duration.ofMinutes(1));
    worker.deliverDue();

    List<String> digests = sent().stream().filter(t -> !t.startsWith("alert ")).toList();
    assertThat(digests).hasSize(2);
    assertThat(digests)
        .allSatisfy(
            d ->
                assertThat(listed(d))
                    .as(d)
                    .isEqualTo(Math.min(20, Integer.parseInt(d.substring(0, d.indexOf(' '))))));
    assertThat(digests.get(0)).startsWith("9 more failures");
    assertThat(digests.get(1))
        .startsWith("30 more failures")
        .contains("#30 Build fail - r fast (30)", "#49 Build fail - r fast (49)");
  }

  /** A restart as a kill leaves it: the same database file, nothing kept in memory. */
  private void restart() {
    storage.close();
    storage = Storage.open(dir.resolve("meister.db"), clock);
    open(storage);
  }

  private static int listed(String digest) {
    return (int) digest.lines().filter(l -> l.contains("Build fail - r fast")).count();
  }

  /** The plain text of every message the chat got, in order. */
  private List<String> sent() {
    return chat.texts();
  }

  /** The SQLite outbox, telling the test when the digests read a chat's folded entries. */
  private final class ObservedOutbox extends ForwardingOutbox {
    ObservedOutbox(Outbox outbox) {
      super(outbox);
    }

    @Override
    public List<OutboxEntry> folded(ChatRef chat, int limit) {
      List<OutboxEntry> folded = super.folded(chat, limit);
      onFolded.run();
      return folded;
    }
  }
}
