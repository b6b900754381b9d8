package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.CronSchedule;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.bot.jobs.Jobs;
import dev.meister.bot.jobs.ReviewSchedule;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.schedule.RotationId;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /issues}, the weekly review post and {@code /assign}, end to end over a real SQLite file
 * and the fake GitHub: the Buildmeister's "BUILD - Breaks" epic with its sub-issues, on seed 001's
 * scale (P4 most urgent).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenIssuesScenarioTest {
  private static final String REPO = "cryptokaizen/cmamp";
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dir;
  private FakeGitHub github;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    github.issue(REPO, 167, "BUILD - Breaks", true, "bob-gh");
    sub(
        9101,
        "Build fail - cmamp slow_tests (11)",
        NOW.minus(DAY.multipliedBy(20)),
        NOW.minus(DAY));
    github.label(REPO, 9101, "bug", "P2");
    sub(
        9102,
        "Build fail - cmamp fast_tests (12)",
        NOW.minus(DAY.multipliedBy(12)),
        NOW.minus(DAY.multipliedBy(9)));
    github.label(REPO, 9102, "P4");
    sub(
        9103,
        "Build fail - dev_tools fast_tests (13)",
        NOW.minus(DAY.multipliedBy(5)),
        NOW.minus(Duration.ofHours(2)));
    github.label(REPO, 9103, "P3");
    sub(
        9104,
        "Flaky ohlcv download",
        NOW.minus(DAY.multipliedBy(2)),
        NOW.minus(DAY.multipliedBy(2)));
    sub(
        9105,
        "Build fail - closed",
        NOW.minus(DAY.multipliedBy(30)),
        NOW.minus(DAY.multipliedBy(30)));
    github.close(REPO, 9105);
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM
                + """
        priorities: [P4, P3, P2, P1]
        rotations:
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [bob, alice]
            chat: telegram/data-alerts
            epic: cryptokaizen/cmamp#167
            stale_after: 7d
            review: { cron: "0 10 * * MON", zone: Europe/Berlin }
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
        storage:
          database: %s
        routes:
          - { name: dags, match: { source: airflow }, rotation: buildmeister }
        """
                    .formatted(github.url(), dir.resolve("meister.db")),
            NOW,
            Map.of("GITHUB_TOKEN", "gh-token"));
  }

  @AfterEach
  void stop() {
    bot.close();
    github.close();
  }

  private void sub(int number, String title, Instant created, Instant updated) {
    github.issue(REPO, number, title, true);
    github.activity(REPO, number, created, updated);
    github.subIssue(REPO, 167, REPO, number);
  }

  @Test
  void
      issues_lists_the_epics_open_issues_most_urgent_first_on_seed_001s_scale_with_age_assignee_and_activity() {
    // Seed 001: "Hausmeister should work on any open P4-P3 issues"; P4 is "Very high priority".
    bot.say("bob", "/issues buildmeister");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Open issues of Buildmeister (4) · 1 stale\n"
                + "1. #9102 P4 “Build fail - cmamp fast_tests (12)” · opened 12d ago · unassigned"
                + " · last activity 9d ago · :hourglass: stale\n"
                + "2. #9103 P3 “Build fail - dev_tools fast_tests (13)” · opened 5d ago ·"
                + " unassigned · last activity 2h ago\n"
                + "3. #9101 P2 “Build fail - cmamp slow_tests (11)” · opened 20d ago · unassigned"
                + " · last activity 1d ago\n"
                + "4. #9104 “Flaky ohlcv download” · opened 2d ago · unassigned · last activity 2d"
                + " ago");
  }

  @Test
  void an_issue_goes_stale_when_nothing_happened_on_it_for_longer_than_stale_after() {
    // #9101's last activity was a day ago: an hour past a week from now it is stale.
    bot.clock.advance(DAY.multipliedBy(6).plusHours(1));

    bot.say("alice", "/issues");

    assertThat(bot.chat.texts().get(0))
        .startsWith("Open issues of Buildmeister (4) · 3 stale")
        .contains(
            "#9103 P3 “Build fail - dev_tools fast_tests (13)” · opened 11d ago · unassigned"
                + " · last activity 6d ago\n")
        .contains(
            "#9101 P2 “Build fail - cmamp slow_tests (11)” · opened 26d ago · unassigned"
                + " · last activity 7d ago · :hourglass: stale");
  }

  @Test
  void an_issue_whose_break_was_resolved_by_disabling_tests_is_flagged() {
    // Seed 002: "Pay special attention to the failures which resulted in disabling tests"; the
    // log's solution "Failing tests were disabled, i.e. problem was not solved".
    AlertId alert = alertLinkedTo(9103);
    bot.say("bob", "/resolve #" + alert.value() + " Flaky | Failing tests were disabled");
    bot.chat.clear();

    bot.say("bob", "/issues");

    assertThat(bot.chat.texts().get(0))
        .startsWith("Open issues of Buildmeister (4) · 1 stale · 1 with tests disabled")
        .contains(
            "#9103 P3 “Build fail - dev_tools fast_tests (13)” · opened 5d ago · unassigned ·"
                + " last activity 2h ago · :warning: tests disabled, problem not solved\n");
  }

  @Test
  void a_break_resolved_by_fixing_it_is_not_flagged() {
    AlertId alert = alertLinkedTo(9103);
    bot.say("bob", "/resolve #" + alert.value() + " 1 | Problem that led to the break was solved");
    bot.chat.clear();

    bot.say("bob", "/issues");

    assertThat(bot.chat.texts().get(0)).doesNotContain("tests disabled");
  }

  @Test
  void when_github_is_down_the_list_is_as_last_seen_with_its_ages_and_says_so() {
    bot.say("bob", "/issues");
    bot.chat.clear();
    // One request fails after the client's four tries; the refresh then stops asking.
    github.failNext(503, 503, 503, 503);

    bot.say("bob", "/issues");

    assertThat(bot.chat.texts().get(0))
        .startsWith("Open issues of Buildmeister (4) · 1 stale (GitHub unreachable: as last seen)")
        .contains(
            "1. #9102 P4 “Build fail - cmamp fast_tests (12)” · opened 12d ago · unassigned"
                + " · last activity 9d ago · :hourglass: stale");
  }

  @Test
  void an_unknown_rotation_gets_a_one_line_answer() {
    bot.say("bob", "/issues nightshift");

    assertThat(bot.chat.texts())
        .containsExactly("No rotation 'nightshift'. Rotations: buildmeister.");
  }

  @Test
  void the_weekly_review_posts_the_same_list_to_the_rotations_chat() {
    // Seed 002: "Regularly check issues that belong to the Epic" and "update the break issues".
    boolean posted = bot.runtime().duties().reviewPosts().post(RotationId.of("buildmeister"));
    bot.runtime().worker().deliverDue();

    assertThat(posted).isTrue();
    assertThat(bot.chat.sent()).singleElement().satisfies(s -> assertThat(s.replyTo()).isNull());
    assertThat(bot.chat.texts().get(0))
        .startsWith(
            ":memo: Weekly review: update the issues solved or partly solved since.\n"
                + "Open issues of Buildmeister (4) · 1 stale\n"
                + "1. #9102 P4");
  }

  @Test
  void the_review_is_scheduled_by_its_cron_in_the_rotations_zone() {
    CronSchedule weekly = CronSchedule.parse("0 10 * * MON", ZoneId.of("Europe/Berlin"));
    try (Jobs jobs = Jobs.start(1, bot.clock)) {
      ReviewSchedule.schedule(jobs, Map.of(RotationId.of("buildmeister"), weekly), r -> true);

      ZonedDateTime next =
          jobs.nextFire(ReviewSchedule.key(RotationId.of("buildmeister")))
              .orElseThrow()
              .atZone(ZoneId.of("Europe/Berlin"));
      assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
      assertThat(next.getHour()).isEqualTo(10);
      assertThat(next.getMinute()).isZero();
    }
    assertThat(bot.meister().config().duties().issueReviews().schedules())
        .containsEntry(RotationId.of("buildmeister"), weekly);
  }

  @Test
  void assign_assigns_the_alerts_issue_on_github_and_says_so() {
    // Seed 002: "You can quickly discuss there who will take care of the broken tests, assign that
    // person".
    AlertId alert = alertLinkedTo(9103);

    bot.say("alice", "/assign #" + alert.value() + " @bob");
    // GitHub is asked by the filing worker, off the chat thread.
    bot.runtime().filing().processDue();
    bot.tick();

    assertThat(github.assignees(REPO, 9103)).containsExactly("bob-gh");
    assertThat(bot.chat.texts())
        .containsExactly(
            "(Assigning cryptokaizen/cmamp#9103 to Bob Stone (bob-gh)…)",
            "Assigned cryptokaizen/cmamp#9103 to Bob Stone (bob-gh):"
                + " https://github.com/cryptokaizen/cmamp/issues/9103");
  }

  @Test
  void assign_refuses_an_unknown_member_and_changes_nothing() {
    AlertId alert = alertLinkedTo(9103);

    bot.say("alice", "/assign #" + alert.value() + " @zed");

    assertThat(bot.chat.texts()).containsExactly("'@zed' is not a member of the team.");
    assertThat(github.received("POST", ".*/assignees")).isEmpty();
  }

  @Test
  void assign_refuses_a_member_without_a_github_login() {
    AlertId alert = alertLinkedTo(9103);

    bot.say("alice", "/assign #" + alert.value() + " dave");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Dave Kim has no GitHub login in the configuration (team.members.dave.github).");
    assertThat(github.received("POST", ".*/assignees")).isEmpty();
  }

  @Test
  void assign_refuses_an_alert_without_an_issue() {
    AlertId alert = alert("airflow:lonely");

    bot.say("alice", "/assign #" + alert.value() + " @bob");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Alert #" + alert.value() + " has no issue yet; file one with /issue first.");
    assertThat(github.received("POST", ".*/assignees")).isEmpty();
  }

  @Test
  void assign_says_what_github_refused_in_one_line() {
    AlertId alert = alertLinkedTo(9103);
    github.failNext(
        "POST", ".*/issues/9103/assignees", FakeGitHub.error(403, "Must have admin rights"));

    bot.say("alice", "/assign #" + alert.value() + " @bob");
    bot.runtime().filing().processDue();
    bot.tick();

    assertThat(bot.chat.texts()).hasSize(2);
    assertThat(bot.chat.texts().get(1))
        .startsWith("⚠️ Could not assign the issue: GitHub refused (403)")
        .contains("Must have admin rights")
        .doesNotContain("\n");
    assertThat(github.assignees(REPO, 9103)).isEmpty();
  }

  @Test
  void assign_without_an_alert_answers_with_its_usage() {
    bot.say("alice", "/assign @bob");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Reply to an alert or its issue with /assign [#ALERT] @NAME, e.g. /assign @bob");
  }

  @Test
  void someone_outside_the_team_may_list_the_issues_but_not_assign() {
    AlertId alert = alertLinkedTo(9103);

    bot.sayAsStranger("/assign #" + alert.value() + " @bob");
    bot.sayAsStranger("/issues");

    assertThat(bot.chat.texts().get(0))
        .isEqualTo("Sorry, only members of the team can use /assign.");
    assertThat(bot.chat.texts().get(1)).startsWith("Open issues of Buildmeister (4)");
    assertThat(github.received("POST", ".*/assignees")).isEmpty();
  }

  private AlertId alertLinkedTo(int number) {
    AlertId alert = alert("airflow:" + number);
    IssueRef ref = new IssueRef(REPO, number, "https://github.com/" + REPO + "/issues/" + number);
    bot.meister().storage().issueLinks().link(new IssueLink(alert, ref, bot.clock.instant(), true));
    bot.chat.clear();
    return alert;
  }

  private AlertId alert(String key) {
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
    bot.chat.clear();
    return id;
  }
}
