package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meister.bot.github.FakeGitHub;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.handoff.EpicMove;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The hand-off handshake over weeks of a two-week rotation, time driven by the test's clock: Berlin
 * hand-offs on Mondays 11:00 (10:00 UTC in winter), a real SQLite file and a fake GitHub.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandoffScenarioTest {
  static final String TEAM =
      """
      team:
        members:
          alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001, github: alice-gh }
          bob:   { name: Bob Stone, telegram: bobs, telegram_id: 100002, github: bob-gh }
          carol: { name: Carol Lee, telegram: carol_l, telegram_id: 100003, github: carol-gh }
          dave:  { name: Dave Kim, telegram: davek, telegram_id: 100004 }
          lena:  { name: Lena Lead, telegram: lena_l, telegram_id: 100009, roles: [team_lead] }
      chats:
        telegram:
          token: ${TELEGRAM_BOT_TOKEN}
          chats:
            data-alerts: { chat_id: -100111 }
      """;
  private static final Instant MON_16_NOV_0800Z = Instant.parse("2026-11-16T08:00:00Z");
  private static final Instant BOUNDARY = Instant.parse("2026-11-16T10:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dir;
  private FakeGitHub github;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    github.issue("cryptokaizen/cmamp", 8785, "DagMeister", true, "alice-gh");
    bot =
        new DutyBot(
            dir,
            TEAM
                + """
        rotations:
          dagmeister:
            name: DagMeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob, carol]
            chat: telegram/data-alerts
            epic: cryptokaizen/cmamp#8785
        handoffs:
          remind_after: 4h
          escalate_after: 8h
        # The acknowledger's "still on it?" nudge is HandEscalationScenarioTest's subject.
        escalation: { nudge_after: 48h }
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
        storage:
          database: %s
        routes:
          - { name: dags, match: { source: airflow }, rotation: dagmeister }
        """
                    .formatted(github.url(), dir.resolve("meister.db")),
            MON_16_NOV_0800Z,
            Map.of("GITHUB_TOKEN", "gh-token"));
  }

  @AfterEach
  void stop() {
    bot.close();
    github.close();
  }

  @Test
  void the_boundary_is_announced_once_and_both_confirmations_complete_it_and_move_the_epic() {
    bot.advanceTo(BOUNDARY.plus(MINUTE), Duration.ofMinutes(10));
    bot.advance(Duration.ofMinutes(30), MINUTE);

    assertThat(bot.chat.texts())
        .containsExactly(
            ":repeat: Hand-off DagMeister: @alice → @bob (until Mon 30 Nov 11:00 Europe/Berlin)."
                + " Open: nothing.\n@alice: /handoff when you have handed over (notes welcome)."
                + " @bob: /handoff accept to take it.");
    assertThat(bot.chat.sent().get(0).buttons())
        .extracting(b -> b.label())
        .containsExactly("✅ Handed over", "🤝 Accept");

    bot.chat.clear();
    bot.say("alice", "/handoff @bob the ohlcv backfill is still running");
    bot.say("bob", "/handoff accept");

    assertThat(bot.chat.texts())
        .containsExactly(
            "@alice handed DagMeister over to @bob. Notes: “the ohlcv backfill is still running”."
                + " Waiting for @bob to /handoff accept.",
            ":white_check_mark: Hand-off complete: @bob has DagMeister until Mon 30 Nov 11:00"
                + " Europe/Berlin. Notes from @alice: “the ohlcv backfill is still running”.",
            "Epic cryptokaizen/cmamp#8785 is now assigned to @bob.");
    assertThat(github.assignees("cryptokaizen/cmamp", 8785)).containsExactly("bob-gh");
    HandoffRecord r = record(BOUNDARY);
    assertThat(r.outgoingConfirmedAt()).isEqualTo(BOUNDARY.plus(Duration.ofMinutes(31)));
    assertThat(r.incomingConfirmedAt()).isEqualTo(BOUNDARY.plus(Duration.ofMinutes(31)));
    assertThat(r.epic().state()).isEqualTo(EpicMove.State.DONE);

    bot.chat.clear();
    bot.advance(Duration.ofHours(12), Duration.ofMinutes(15));
    assertThat(bot.chat.texts()).isEmpty();
  }

  @Test
  void the_announcement_lists_the_open_issues_and_unacknowledged_alerts_of_the_outgoing_shift() {
    var intake = bot.runtime().intake();
    AlertId acked = intake.accept(airflowFailure("airflow:1")).alertId().orElseThrow();
    AlertId open = intake.accept(airflowFailure("airflow:2")).alertId().orElseThrow();
    bot.runtime().worker().deliverDue();
    bot.say("alice", "/ack " + acked.value());
    IssueRef issue =
        new IssueRef(
            "cryptokaizen/cmamp", 9110, "https://github.com/cryptokaizen/cmamp/issues/9110");
    github.issue("cryptokaizen/cmamp", 9110, "DAG fail - finance", true);
    bot.meister()
        .storage()
        .issueLinks()
        .link(new IssueLink(acked, issue, bot.clock.instant(), true));
    bot.chat.clear();

    bot.advanceTo(BOUNDARY, Duration.ofMinutes(30));

    assertThat(bot.chat.texts())
        .singleElement()
        .asString()
        .startsWith(
            ":repeat: Hand-off"
                + " DagMeister: @alice → @bob (until Mon 30 Nov 11:00 Europe/Berlin). Open: #9110"
                + " “DAG fail - finance”;"
                + " unacknowledged alerts: "
                + open.value()
                + " (DAG fail - ");
  }

  @Test
  void the_running_bot_announces_on_its_own_once_quartz_is_started() throws Exception {
    bot.clock.set(BOUNDARY.plus(MINUTE));

    bot.runtime().start(Start.none().withTimers(Duration.ofHours(1)));

    await("announced within 10 s")
        .atMost(Duration.ofSeconds(10))
        .until(() -> bot.meister().storage().outbox().pendingCount() > 0);
    bot.runtime().worker().deliverDue();
    assertThat(bot.chat.texts())
        .singleElement()
        .asString()
        .startsWith(":repeat: Hand-off DagMeister: @alice → @bob");
  }

  @Test
  void people_outside_the_team_cannot_confirm() {
    bot.advanceTo(BOUNDARY, Duration.ofMinutes(10));
    bot.chat.clear();

    bot.sayAsStranger("/handoff accept");

    assertThat(bot.chat.texts())
        .containsExactly("Sorry, only members of the team can use /handoff.");
    assertThat(record(BOUNDARY).state().name()).isEqualTo("PENDING");
  }

  private RunEvent airflowFailure(String key) {
    return new RunEvent(
        key,
        Outcome.FAILED,
        bot.clock.instant(),
        AirflowTask.builder("prod-dagao").taskId("finance").exception("boom").build());
  }

  @Test
  void the_buttons_confirm_like_the_commands_and_only_for_the_right_person() {
    bot.advanceTo(BOUNDARY, Duration.ofMinutes(10));
    TranscriptChatPort.Sent announcement = bot.chat.sent().get(0);

    bot.press("carol", announcement, "🤝 Accept");
    bot.press("bob", announcement, "🤝 Accept");
    bot.press("alice", announcement, "✅ Handed over");

    assertThat(bot.chat.toasts())
        .containsExactly(
            "Only bob can accept this hand-off.", "Thanks, noted.", "Hand-off complete.");
    assertThat(bot.chat.texts()).anyMatch(t -> t.contains("Hand-off complete: @bob"));
    assertThat(record(BOUNDARY).isComplete()).isTrue();
  }

  @Test
  void a_missing_confirmation_reminds_both_after_four_hours_then_tags_the_team_lead() {
    bot.advanceTo(BOUNDARY, Duration.ofMinutes(10));
    bot.say("alice", "/handoff");
    bot.chat.clear();

    bot.advance(Duration.ofHours(4).minus(MINUTE), MINUTE);
    assertThat(bot.chat.texts()).isEmpty();
    bot.advance(MINUTE, MINUTE);
    assertThat(bot.chat.texts())
        .containsExactly(
            ":alarm_clock: The DagMeister hand-off since"
                + " Mon 16 Nov 11:00 Europe/Berlin is not confirmed yet. @bob: /handoff accept.");

    bot.chat.clear();
    bot.advance(Duration.ofHours(4), Duration.ofMinutes(5));
    assertThat(bot.chat.texts())
        .containsExactly(
            ":rotating_light: The DagMeister hand-off since"
                + " Mon 16 Nov 11:00 Europe/Berlin is still not confirmed. @bob: /handoff accept."
                + " Team lead: @lena, please sort it out.");

    bot.chat.clear();
    bot.advance(Duration.ofDays(2), Duration.ofHours(1));
    assertThat(bot.chat.texts()).isEmpty();
    bot.say("bob", "/handoff status");
    assertThat(bot.chat.texts())
        .containsExactly(
            "DagMeister: alice → bob at Mon 16 Nov 11:00"
                + " Europe/Berlin — waiting for bob to accept; handed over Mon 16 Nov 11:00"
                + " Europe/Berlin; reminded Mon 16 Nov 15:00 Europe/Berlin; team lead tagged"
                + " Mon 16 Nov 19:00 Europe/Berlin");
  }

  @Test
  void a_restart_in_the_middle_of_a_pending_reminder_sends_it_once_at_its_time() throws Exception {
    bot.advanceTo(BOUNDARY.plus(Duration.ofHours(2)), Duration.ofMinutes(10));
    assertThat(bot.chat.texts()).hasSize(1);
    bot.restart();
    bot.tick();
    bot.restart();

    bot.advance(Duration.ofHours(2).minus(MINUTE), MINUTE);
    assertThat(bot.chat.texts()).hasSize(1);
    bot.advance(MINUTE, MINUTE);
    assertThat(bot.chat.texts()).hasSize(2).last().asString().startsWith(":alarm_clock:");
    bot.restart();
    bot.tick();
    bot.advance(Duration.ofHours(1), Duration.ofMinutes(5));

    assertThat(bot.chat.texts()).hasSize(2);
    assertThat(record(BOUNDARY).remindedAt()).isEqualTo(BOUNDARY.plus(Duration.ofHours(4)));
  }

  @Test
  void two_weeks_later_the_next_hand_off_is_announced_and_the_history_lists_both() {
    bot.advanceTo(BOUNDARY, Duration.ofHours(1));
    bot.say("alice", "/handoff");
    bot.say("bob", "/handoff accept");

    bot.advance(Duration.ofDays(14), Duration.ofHours(1));

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.startsWith(":repeat:"))
        .containsExactly(
            ":repeat: Hand-off DagMeister: @alice → @bob (until Mon 30 Nov 11:00 Europe/Berlin)."
                + " Open: nothing.\n@alice: /handoff when you have handed over (notes welcome)."
                + " @bob: /handoff accept to take it.",
            ":repeat: Hand-off DagMeister: @bob → @carol (until Mon 14 Dec 11:00 Europe/Berlin)."
                + " Open: nothing.\n@bob: /handoff when you have handed over (notes welcome)."
                + " @carol: /handoff accept to take it.");
    List<HandoffRecord> history =
        bot.meister().storage().handoffs().history(RotationId.of("dagmeister"), 10);
    assertThat(history)
        .extracting(HandoffRecord::incoming)
        .extracting(m -> m.value())
        .containsExactly("carol", "bob");
  }

  @Test
  void a_github_outage_is_reported_once_and_the_epic_moves_when_github_is_back() {
    // Each move is one client call of four attempts: the first call fails through, the next works.
    bot.advanceTo(BOUNDARY, Duration.ofMinutes(10));
    github.failNext(502, 503, 502, 503);
    bot.say("alice", "/handoff");
    bot.say("bob", "/handoff accept");

    assertThat(bot.chat.texts())
        .last()
        .isEqualTo(
            ":warning: Could not move epic"
                + " cryptokaizen/cmamp#8785 from @alice to @bob: GitHub is unavailable: GitHub answered"
                + " 503 to POST /repos/cryptokaizen/cmamp/issues/8785/assignees. I will try again.");
    assertThat(record(BOUNDARY).epic().state()).isEqualTo(EpicMove.State.PENDING);

    bot.chat.clear();
    bot.advance(Duration.ofMinutes(10), MINUTE);

    assertThat(bot.chat.texts())
        .containsExactly("Epic cryptokaizen/cmamp#8785 is now assigned to @bob.");
    assertThat(github.assignees("cryptokaizen/cmamp", 8785)).containsExactly("bob-gh");
    assertThat(record(BOUNDARY).epic().attempts()).isEqualTo(2);
  }

  @Test
  void github_refusing_gives_up_at_once_and_says_to_reassign_by_hand() {
    bot.advanceTo(BOUNDARY, Duration.ofMinutes(10));
    github.failNext(403);
    bot.say("alice", "/handoff");
    bot.say("bob", "/handoff accept");

    assertThat(bot.chat.texts())
        .last()
        .isEqualTo(
            ":warning: Gave up moving epic"
                + " cryptokaizen/cmamp#8785 from @alice to @bob: GitHub refused (403): Resource not"
                + " accessible by integration. Please reassign it by hand.");
    assertThat(record(BOUNDARY).isComplete()).isTrue();
    assertThat(record(BOUNDARY).epic().state()).isEqualTo(EpicMove.State.FAILED);
  }

  @Test
  void only_the_outgoing_member_confirms_and_a_wrong_successor_is_named() {
    bot.advanceTo(BOUNDARY, Duration.ofMinutes(10));
    bot.chat.clear();

    bot.say("bob", "/handoff");
    bot.say("alice", "/handoff @carol");
    bot.say("carol", "/handoff accept");

    assertThat(bot.chat.texts())
        .containsExactly(
            "The dagmeister hand-off is from alice to bob; only alice can confirm it with /handoff.",
            "The dagmeister hand-off goes to bob, not carol.",
            "The dagmeister hand-off is from alice to bob; only bob can accept it.");
    assertThat(record(BOUNDARY).state().name()).isEqualTo("PENDING");
  }

  @Test
  void the_cli_lists_the_history_of_a_rotation() {
    bot.advanceTo(BOUNDARY, Duration.ofHours(1));
    bot.say("alice", "/handoff");
    bot.say("bob", "/handoff accept");
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));

    int code =
        cli.execute(
            "handoffs",
            "--rotation",
            "dagmeister",
            "--config",
            dir.resolve("meister.yml").toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualToNormalizingNewlines(
            "DagMeister: alice → bob at"
                + " Mon 16 Nov 11:00 Europe/Berlin — complete; handed over Mon 16 Nov 11:00"
                + " Europe/Berlin; accepted Mon 16 Nov 11:00 Europe/Berlin; epic done\n");
  }

  private HandoffRecord record(Instant boundary) {
    return bot.meister()
        .storage()
        .handoffs()
        .find(RotationId.of("dagmeister"), Position.PRIMARY, boundary)
        .orElseThrow();
  }
}
