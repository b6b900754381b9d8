package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.github.FakeGitHub;
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
import java.util.Optional;
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
  private FakeGitHub github;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    github.issue("acme/data", 8785, "Hausmeister epic", true);
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
            epic: acme/data#8785
        priorities: [P4, P3, P2, P1]
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
        routes:
          - { name: dags, match: { source: airflow }, rotation: hausmeister }
        """
                    .formatted(github.url()),
            Instant.parse("2026-11-20T12:00:00Z"),
            Map.of("GITHUB_TOKEN", "gh-token"));
  }

  @AfterEach
  void stop() {
    bot.close();
    github.close();
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

  /**
   * Seed 001: "On Friday at 5pm, the hausmeister shift ends and any pending issues are handed off
   * to the weekend on-call engineer." and "On Monday at 11am, the weekend on-call engineer hands
   * off any open P4-P3 issues to the new hausmeister." Pending and open as GitHub has them.
   */
  @Test
  void friday_hands_over_every_open_issue_and_monday_hands_back_the_open_p4_p3_ones() {
    issueFiledFor(failure("airflow:1"), 9110, "P2", Optional.empty());
    issueFiledFor(failure("airflow:2"), 9111, "P3", Optional.empty());
    issueFiledFor(failure("airflow:3"), 9112, "P4", Optional.empty());
    // Linked by an alert of an earlier shift, and still open: the rotation's all the same.
    issueFiledFor(
        failure("airflow:4"), 9113, "P1", Optional.of(Instant.parse("2026-11-03T09:00:00Z")));
    AlertId unacked = failure("airflow:5");
    String title = bot.meister().storage().alerts().find(unacked).orElseThrow().title();
    github.issue("acme/data", 9200, "Backfill cmamp", true);
    github.label("acme/data", 9200, "P4");
    github.subIssue("acme/data", 8785, "acme/data", 9200);
    // Closed on GitHub; Meister never heard of it.
    github.close("acme/data", 9112);
    bot.chat.clear();

    bot.advanceTo(Instant.parse("2026-11-20T16:30:00Z"), Duration.ofMinutes(30));

    assertThat(announcements())
        .containsExactly(
            ":repeat: Weekend hand-off Hausmeister: @alice → @carol (until Mon 23 Nov 11:00"
                + " Europe/Berlin). Open: #9200 P4 “Backfill cmamp”, #9111 P3 “DAG fail”,"
                + " #9110 P2 “DAG fail”, #9113 P1 “DAG fail”; unacknowledged alerts: "
                + unacked.value()
                + " ("
                + title
                + ").");

    github.label("acme/data", 9110, "P4");
    github.close("acme/data", 9111);
    bot.chat.clear();
    bot.advanceTo(Instant.parse("2026-11-23T10:30:00Z"), Duration.ofMinutes(30));

    assertThat(announcements())
        .containsExactly(
            ":repeat: Hand-off Hausmeister: @carol → @bob (until Fri 27 Nov 17:00 Europe/Berlin)."
                + " Open: #9110 P4 “DAG fail”, #9200 P4 “Backfill cmamp”; unacknowledged alerts: "
                + unacked.value()
                + " ("
                + title
                + "). 1 backlog issue not handed back.");
  }

  /**
   * Seed 001's Monday hand-off while GitHub is down: what Meister saw on Friday, and it says so.
   */
  @Test
  void with_github_down_the_hand_off_goes_out_with_the_states_last_seen_and_says_so() {
    issueFiledFor(failure("airflow:1"), 9110, "P2", Optional.empty());
    issueFiledFor(failure("airflow:2"), 9111, "P3", Optional.empty());
    issueFiledFor(failure("airflow:3"), 9112, "P4", Optional.empty());
    github.close("acme/data", 9112);
    bot.advanceTo(Instant.parse("2026-11-20T16:30:00Z"), Duration.ofMinutes(30));
    bot.chat.clear();
    bot.advanceTo(Instant.parse("2026-11-23T09:30:00Z"), Duration.ofMinutes(30));
    github.failNext(502, 502, 503, 502);

    bot.advanceTo(Instant.parse("2026-11-23T10:30:00Z"), Duration.ofMinutes(30));

    assertThat(announcements())
        .containsExactly(
            ":repeat: Hand-off Hausmeister: @carol → @bob (until Fri 27 Nov 17:00 Europe/Berlin)."
                + " Open: #9111 P3 “DAG fail”. 1 backlog issue not handed back. (GitHub"
                + " unreachable: issue states as last seen)");
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
   * priority}, as the filing worker records it (FilingFlowTest drives that part through GitHub),
   * linked now or at {@code linkedAt}; GitHub has it open with that label.
   */
  private void issueFiledFor(
      AlertId alert, int number, String priority, Optional<Instant> linkedAt) {
    bot.say("alice", "/ack " + alert.value());
    github.issue("acme/data", number, "DAG fail", true);
    github.label("acme/data", number, "bug", priority);
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
    storage
        .issueLinks()
        .link(new IssueLink(alert, ref, linkedAt.orElse(bot.clock.instant()), true));
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

    // The epic's move follows as its own message.
    assertThat(bot.chat.texts())
        .contains(
            ":white_check_mark: Hand-off complete: @carol"
                + " has Hausmeister until Mon 23 Nov 11:00 Europe/Berlin. Notes from @alice:"
                + " “two reruns pending”.");
  }
}
