package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.FiledIssue;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weekend layer hands over twice a week: Fri 17:00 to the weekend on-call, Mon 11:00 back. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WeekendHandoffTest {
  @TempDir Path dir;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM
                + """
        rotations:
          hausmeister:
            name: Hausmeister
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob]
            weekend:
              from: { day: friday, time: "17:00" }
              to: { day: monday, time: "11:00" }
              roster: [carol, dave]
            chat: telegram/data-alerts
        routes:
          - { name: dags, match: { source: airflow }, rotation: hausmeister }
        """,
            Instant.parse("2026-11-20T12:00:00Z"),
            Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void friday_hands_to_the_weekend_on_call_and_monday_to_the_new_weekday_on_call() {
    bot.advance(Duration.ofDays(3), Duration.ofMinutes(30));

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.startsWith(":repeat:"))
        .extracting(t -> t.substring(0, t.indexOf('\n')))
        .containsExactly(
            ":repeat: Weekend hand-off Hausmeister: @alice → @carol (until Mon 23 Nov 11:00"
                + " Europe/Berlin). Open: nothing.",
            ":repeat: Hand-off Hausmeister: @carol → @bob (until Fri 27 Nov 17:00"
                + " Europe/Berlin). Open: nothing.");
  }

  @Test
  void friday_leaves_p1_and_p2_with_the_weekday_on_call_and_monday_hands_back_everything() {
    issueFiledFor(failure("airflow:1"), 9110, "P1");
    issueFiledFor(failure("airflow:2"), 9111, "P3");
    issueFiledFor(failure("airflow:3"), 9112, null);
    AlertId unacked = failure("airflow:4");
    String title = bot.meister().storage().alerts().find(unacked).orElseThrow().title();
    bot.chat.clear();

    bot.advanceTo(Instant.parse("2026-11-20T16:30:00Z"), Duration.ofMinutes(30));

    assertThat(announcements())
        .containsExactly(
            ":repeat: Weekend hand-off Hausmeister: @alice → @carol (until Mon 23 Nov 11:00"
                + " Europe/Berlin). Open: #9112, #9111; unacknowledged alerts: "
                + unacked.value()
                + " ("
                + title
                + "). P1/P2 stay with @alice: #9110.");

    bot.chat.clear();
    bot.advanceTo(Instant.parse("2026-11-23T10:30:00Z"), Duration.ofMinutes(30));

    assertThat(announcements())
        .containsExactly(
            ":repeat: Hand-off Hausmeister: @carol → @bob (until Fri 27 Nov 17:00 Europe/Berlin)."
                + " Open: #9112, #9111, #9110; unacknowledged alerts: "
                + unacked.value()
                + " ("
                + title
                + ").");
  }

  /** An Airflow failure routed to the Hausmeister rotation, a minute after the last one. */
  private AlertId failure(String key) {
    bot.clock.advance(Duration.ofMinutes(1));
    AlertId id =
        bot.runtime()
            .intake()
            .accept(
                new RunEvent(
                    key,
                    Outcome.FAILED,
                    bot.clock.instant(),
                    AirflowTask.builder("prod-dagao").taskId("finance").exception("boom").build()))
            .alertId()
            .orElseThrow();
    bot.runtime().worker().deliverDue();
    return id;
  }

  /**
   * Alice acknowledged {@code alert} and Meister filed issue {@code number} for it with {@code
   * priority}, as the filing worker records it (FilingFlowTest drives that part through GitHub).
   */
  private void issueFiledFor(AlertId alert, int number, @Nullable String priority) {
    bot.say("alice", "/ack " + alert.value());
    IssueRef ref =
        new IssueRef("acme/data", number, "https://github.com/acme/data/issues/" + number);
    var storage = bot.meister().storage();
    storage
        .filedIssues()
        .record(
            new FiledIssue(
                ref,
                2_000_000_000L + number,
                "DAG fail",
                "fp-" + number,
                bot.clock.instant(),
                true,
                priority));
    storage.issueLinks().link(new IssueLink(alert, ref, bot.clock.instant(), true));
  }

  /** The first lines of the hand-off announcements sent so far. */
  private List<String> announcements() {
    return bot.chat.texts().stream()
        .filter(t -> t.startsWith(":repeat:"))
        .map(t -> t.substring(0, t.indexOf('\n')))
        .toList();
  }

  @Test
  void weekend_on_calls_swap_their_next_weekends() {
    bot.say("carol", "/swap @dave");
    bot.say("dave", "/swap accept 1");

    assertThat(bot.chat.texts())
        .last()
        .asString()
        .startsWith(":white_check_mark: @dave and" + " @carol swapped their Hausmeister shifts");
    assertThat(primaryAt("2026-11-21T12:00:00Z")).isEqualTo("dave");
    assertThat(primaryAt("2026-11-28T12:00:00Z")).isEqualTo("carol");
    assertThat(primaryAt("2026-11-25T12:00:00Z")).isEqualTo("bob");
  }

  private String primaryAt(String instant) {
    java.time.Instant t = java.time.Instant.parse(instant);
    var directory = bot.meister().directory();
    var r = directory.find(dev.meister.core.schedule.RotationId.of("hausmeister")).orElseThrow();
    return directory.resolver(r, t).onCallAt(t).primary().member().value();
  }

  @Test
  void the_weekend_hand_off_is_confirmed_with_the_same_handshake() {
    bot.advanceTo(Instant.parse("2026-11-20T16:00:00Z"), Duration.ofMinutes(30));
    bot.chat.clear();

    bot.say("alice", "/handoff @carol two reruns pending");
    bot.say("carol", "/handoff accept");

    assertThat(bot.chat.texts())
        .last()
        .isEqualTo(
            ":white_check_mark: Hand-off complete: @carol"
                + " has Hausmeister until Mon 23 Nov 11:00 Europe/Berlin. Notes from @alice:"
                + " “two reruns pending”.");
  }
}
