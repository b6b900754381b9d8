package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.silence.Silence;
import dev.meister.core.silence.SilenceEvent;
import java.nio.file.Files;
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

/**
 * Silences (issue #18): set from chat or planned in {@code maintenance:}, they keep known problems
 * from paging. A silenced alert is still stored and counted, posted without mentions (or, quiet,
 * not at all and summarised once at the end), and it does not escalate. Time comes from the test's
 * clock; a real SQLite file; a recording chat.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SilenceScenarioTest {
  /** Wednesday 10:00 in Berlin: Alice is on call (week of Mon 16 Nov), Carol is Level 2. */
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");

  private static final Duration MINUTE = Duration.ofMinutes(1);

  static final String CONFIG =
      """
      priorities: [P4, P3, P2, P1]
      priority_rules:
        - { name: tokyo, match: { source: airflow, region: tokyo }, level: P4 }
      rotations:
        hausmeister:
          name: Hausmeister
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: %s
          roster: [alice, bob]
          secondary: [carol]
          chat: telegram/data-alerts
      routes:
        - name: dags
          match: { source: airflow }
          rotation: hausmeister
          ack_timeout: 15m
      fix_or_revert:
        enabled: false
      escalation: { nudge_after: 12h }
      """;

  @TempDir Path dir;
  private DutyBot bot;
  private int deliveries;

  @BeforeEach
  void start() throws Exception {
    bot = new DutyBot(dir, HandoffScenarioTest.TEAM + CONFIG.formatted("2026-11-02"), T0, Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void a_silence_posts_matching_alerts_without_pinging_anyone_and_says_which_silence() {
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance");

    assertThat(bot.chat.texts())
        .containsExactly(
            "🔕 Silence #1 'Exchange maintenance' on dag=ohlcv_* until Wed 18 Nov 12:00 CET (2h),"
                + " set by Bob Stone: matching alerts are posted without pinging anyone; high"
                + " priority still pages. /unsilence 1 lifts it.");
    bot.chat.clear();

    String silenced = fail("ohlcv_daily", null);
    String other = fail("bid_ask_daily", null);

    assertThat(silenced)
        .contains("DAG fail - ohlcv_daily")
        .contains("On call: Alice Doe")
        .contains("🔕 silenced by #1 'Exchange maintenance'")
        .doesNotContain("@alice");
    assertThat(other).contains("On call: @alice").doesNotContain("silenced");
    // Still stored and counted: the log book lists every alert.
    assertThat(bot.meister().storage().alerts().count()).isEqualTo(2);
    assertThat(bot.meister().storage().silences().silenceOf(new AlertId(1)))
        .map(Silence::id)
        .hasValue(1L);
  }

  @Test
  void a_silenced_alert_does_not_escalate_while_an_unsilenced_one_does() {
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance");
    fail("ohlcv_daily", null);
    fail("bid_ask_daily", null);
    bot.chat.clear();

    bot.advance(Duration.ofHours(1), MINUTE);

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("not acknowledged"))
        .isNotEmpty()
        .allMatch(t -> t.contains("Alert 2 "));
  }

  @Test
  void when_the_silence_ends_matching_alerts_page_again() {
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance");
    bot.advance(Duration.ofHours(2), Duration.ofMinutes(10));
    bot.chat.clear();

    String after = fail("ohlcv_daily", null);

    assertThat(after).contains("On call: @alice").doesNotContain("silenced");
    // A silence that was not quiet has nothing to summarise.
    assertThat(bot.chat.texts()).hasSize(1);
  }

  @Test
  void a_quiet_silence_posts_nothing_and_summarises_once_when_it_ends() throws Exception {
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance --quiet");
    assertThat(bot.chat.texts().get(0)).contains("not posted, summarised when it ends");
    bot.chat.clear();

    for (int i = 0; i < 3; i++) {
      bot.runtime().intake().accept(event("ohlcv_daily", null));
    }
    bot.tick();
    assertThat(bot.chat.texts()).isEmpty();
    assertThat(bot.meister().storage().alerts().count()).isEqualTo(3);

    bot.advance(Duration.ofHours(2), Duration.ofMinutes(5));
    bot.restart();
    bot.advance(Duration.ofHours(1), Duration.ofMinutes(5));

    assertThat(bot.chat.texts())
        .singleElement()
        .asString()
        .startsWith(":no_bell: 3 alerts were silenced by #1 'Exchange maintenance':")
        .contains("#1 DAG fail - ohlcv_daily", "#3 DAG fail - ohlcv_daily");
    assertThat(bot.meister().storage().silences().audit(1))
        .extracting(SilenceEvent::event)
        .containsExactly("created", "summarised");
    // Counted in the log book like every other break.
    bot.chat.clear();
    bot.say("bob", "/top 7");
    assertThat(bot.chat.texts()).singleElement().asString().contains("3× DAG fail - ohlcv_daily");
  }

  @Test
  void unsilence_lifts_a_silence_at_once_and_a_quiet_one_is_summarised_then() {
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance --quiet");
    bot.runtime().intake().accept(event("ohlcv_daily", null));
    bot.chat.clear();

    bot.say("alice", "/unsilence 1");
    bot.tick();
    String after = fail("ohlcv_daily", null);

    assertThat(bot.chat.texts())
        .startsWith(
            "🔔 Silence #1 'Exchange maintenance' lifted by Alice Doe: matching alerts page as"
                + " usual again. The alerts it kept back are summarised next.",
            ":no_bell: 1 alert was silenced by #1 'Exchange maintenance':\n"
                + "#1 DAG fail - ohlcv_daily.load (2026-11-18 09:00 UTC)\n"
                + "Reply /ack ID to take one.");
    assertThat(after).contains("@alice");
    bot.chat.clear();
    bot.say("alice", "/unsilence 1");
    bot.advance(Duration.ofHours(3), Duration.ofMinutes(10));
    // (Alert 2, posted after the silence was lifted, escalates as usual meanwhile.)
    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("ilence"))
        .containsExactly(
            "Silence #1 'Exchange maintenance' is not active any more (it ended Wed 18 Nov 10:00"
                + " CET).");
    assertThat(bot.meister().storage().silences().audit(1))
        .extracting(e -> e.event() + " by " + e.actor())
        .containsExactly("created by bob", "lifted by alice", "summarised by meister");
  }

  @Test
  void a_high_priority_alert_still_pages_unless_the_silence_includes_high_priority() {
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance");
    String urgent = fail("ohlcv_daily", "tokyo");
    bot.say("bob", "/silence dag=ohlcv_* 2h Tokyo too --include-high");
    // The first silence still does not take it; the second one does.
    String included = fail("ohlcv_daily", "tokyo");

    assertThat(urgent).contains("HIGHEST PRIORITY (P4)").contains("@alice").doesNotContain("🔕");
    assertThat(included)
        .contains("HIGHEST PRIORITY (P4)")
        .contains("🔕 silenced by #2 'Tokyo too'")
        .doesNotContain("@alice");
  }

  @Test
  void silences_lists_the_active_ones_with_who_set_them_when_and_when_they_end() {
    bot.say("bob", "/silences");
    bot.say("bob", "/silence dag=ohlcv_* 2h Exchange maintenance");
    bot.clock.advance(Duration.ofMinutes(30));
    bot.say(
        "alice", "/silence source=airflow region=tokyo 1d Tokyo cut-over --quiet --include-high");
    bot.chat.clear();

    bot.say("dave", "/silences");

    assertThat(bot.chat.texts())
        .containsExactly(
            "🔕 2 active silences:\n"
                + "#1 'Exchange maintenance' on dag=ohlcv_*, set by Bob Stone at Wed 18 Nov 10:00"
                + " CET, ends Wed 18 Nov 12:00 CET\n"
                + "#2 'Tokyo cut-over' on source=airflow region=tokyo, set by Alice Doe at Wed 18"
                + " Nov 10:30 CET, ends Thu 19 Nov 10:30 CET (quiet, high priority included)");
  }

  @Test
  void help_lists_the_new_commands_with_an_example() {
    bot.say("dave", "/help");

    assertThat(bot.chat.texts())
        .singleElement()
        .asString()
        .contains(
            "/silence MATCH DURATION [REASON] [--quiet] [--include-high] [--all] — post matching"
                + " alerts without pinging anyone for a while, e.g. /silence dag=ohlcv_* 2h"
                + " Exchange maintenance",
            "/silences — the active silences: what, who set them when, when they end",
            "/unsilence ID — lift a silence, e.g. /unsilence 4",
            "/snooze [#ALERT] DURATION — reply to an alert: hold its escalation and reminders"
                + " back, e.g. /snooze 2h; it comes back to the on-call then");
  }

  @Test
  void no_active_silence_is_said_so() {
    bot.say("bob", "/silences");

    assertThat(bot.chat.texts())
        .containsExactly("🔔 No active silences: every alert pages as usual.");
  }

  @Test
  void bad_input_is_answered_in_one_line_and_stores_nothing() {
    bot.say("bob", "/silence pipeline=ohlcv 2h");
    bot.say("bob", "/silence dag=ohlcv_* -2h");
    bot.say("bob", "/silence dag=ohlcv_* 0h");
    bot.say("bob", "/silence dag=ohlcv_* 31d");
    bot.say("bob", "/silence 2h everything is on fire");
    bot.say("bob", "/silence dag=ohlcv_*");
    bot.say("bob", "/silence source=gitlab 2h");
    bot.say("bob", "/unsilence 7");

    assertThat(bot.chat.texts())
        .containsExactly(
            "'pipeline' is not a match field; use source, repo, workflow, branch, dag, task, tags,"
                + " region.",
            "The duration must be positive, not -2h.",
            "The duration must be longer than 0.",
            "The duration 31d is too long: at most 30d.",
            "That would silence every alert; say so with --all (/silence --all 2h REASON), or name"
                + " what to silence, e.g. dag=ohlcv_*.",
            "Usage: /silence MATCH DURATION [REASON] [--quiet] [--include-high] [--all], e.g."
                + " /silence dag=ohlcv_* 2h Exchange maintenance.",
            "source 'gitlab' is neither github nor airflow.",
            "There is no silence #7.");
    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("\n"));
    assertThat(bot.meister().storage().silences().activeAt(bot.clock.instant())).isEmpty();
    assertThat(bot.meister().storage().silences().find(1)).isEmpty();
  }

  @Test
  void silencing_everything_takes_all_and_then_silences_every_alert() {
    bot.say("bob", "/silence --all 1h Airflow upgrade");
    String alert = fail("anything", null);

    assertThat(bot.chat.texts().get(0)).startsWith("🔕 Silence #1 'Airflow upgrade' on * until");
    assertThat(alert).contains("🔕 silenced by #1 'Airflow upgrade'").doesNotContain("@alice");
  }

  @Test
  void only_team_members_may_silence_or_unsilence_and_every_silence_is_audited() {
    bot.sayAsStranger("/silence --all 1d");
    bot.say("bob", "/silence repo=cryptokaizen/cmamp branch=feature/* 1d");
    bot.sayAsStranger("/unsilence 1");

    assertThat(bot.chat.texts())
        .contains(
            "Sorry, only members of the team can use /silence.",
            "Sorry, only members of the team can use /unsilence.");
    List<Silence> active = bot.meister().storage().silences().activeAt(bot.clock.instant());
    assertThat(active).extracting(Silence::createdBy).containsExactly("bob");
    assertThat(bot.meister().storage().silences().audit(1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event()).isEqualTo("created");
              assertThat(e.actor()).isEqualTo("bob");
              assertThat(e.at()).isEqualTo(T0);
              assertThat(e.detail())
                  .isEqualTo(
                      "repo=cryptokaizen/cmamp branch=feature/* from 2026-11-18T09:00:00Z until"
                          + " 2026-11-19T09:00:00Z");
            });
  }

  @Test
  void a_configured_one_off_window_is_numbered_listed_and_summarised_once() throws Exception {
    restartWith(
        HandoffScenarioTest.TEAM
            + CONFIG.formatted("2026-11-02")
            + """
            maintenance:
              - match: { dag: "ohlcv_*" }
                from: "2026-11-18T11:00"
                to: "2026-11-18T13:00"
                zone: Europe/Berlin
                reason: Exchange maintenance
                quiet: true
            """);
    String before = fail("ohlcv_daily", null);
    bot.advanceTo(Instant.parse("2026-11-18T10:00:00Z"), Duration.ofMinutes(5));
    bot.say("bob", "/silences");
    bot.runtime().intake().accept(event("ohlcv_daily", null));
    bot.runtime().intake().accept(event("ohlcv_hourly", null));
    bot.tick();
    assertThat(before).contains("@alice");
    assertThat(bot.chat.texts())
        .last()
        .asString()
        .startsWith(
            "🔕 1 active silence:\n#1 'Exchange maintenance' on dag=ohlcv_*, set by the"
                + " configuration at Wed 18 Nov 11:00 CET, ends Wed 18 Nov 13:00 CET (quiet)");
    bot.chat.clear();

    bot.advanceTo(Instant.parse("2026-11-18T14:00:00Z"), Duration.ofMinutes(5));
    bot.restart();
    bot.advance(Duration.ofHours(1), Duration.ofMinutes(5));

    assertThat(bot.chat.texts())
        .singleElement()
        .asString()
        .startsWith(":no_bell: 2 alerts were silenced by #1 'Exchange maintenance':");
  }

  // Seed 000's exchanges have weekly maintenance at a local time; the window must follow it
  // across the change to summer time (Sun 29 Mar 2026, 01:00 UTC in the EU).
  @Test
  void a_recurring_window_stays_at_its_local_time_across_the_change_to_summer_time()
      throws Exception {
    restartWith(
        HandoffScenarioTest.TEAM
            + CONFIG.formatted("2026-03-02")
            + """
            maintenance:
              - match: { dag: "ohlcv_*" }
                cron: "0 22 * * SAT"
                zone: Europe/Berlin
                duration: 4h
                reason: Weekly exchange maintenance
            """,
        Instant.parse("2026-03-21T20:30:00Z"));

    // Sat 21 Mar 21:30 CET: before the window.
    String winterBefore = fail("ohlcv_daily", null);
    // Sat 21 Mar 22:30 CET = 21:30 UTC: inside.
    bot.advanceTo(Instant.parse("2026-03-21T21:30:00Z"), Duration.ofMinutes(30));
    String winterInside = fail("ohlcv_daily", null);
    // Sat 28 Mar 22:00 CET = 21:00 UTC, four hours long: over the change, it ends at 01:00 UTC
    // (03:00 CEST).
    bot.advanceTo(Instant.parse("2026-03-29T00:30:00Z"), Duration.ofMinutes(30));
    String acrossTheChange = fail("ohlcv_daily", null);
    bot.advanceTo(Instant.parse("2026-03-29T01:30:00Z"), Duration.ofMinutes(30));
    String afterIt = fail("ohlcv_daily", null);
    // Sat 4 Apr 22:30 CEST = 20:30 UTC: inside, an hour earlier in UTC than in winter.
    bot.advanceTo(Instant.parse("2026-04-04T20:30:00Z"), Duration.ofHours(1));
    String summerInside = fail("ohlcv_daily", null);
    // Sat 4 Apr 21:30 UTC would have been inside in winter's UTC, and is 23:30 CEST: still inside.
    // Sun 5 Apr 00:30 UTC (02:30 CEST) is past the four hours.
    bot.advanceTo(Instant.parse("2026-04-05T00:30:00Z"), Duration.ofMinutes(30));
    String summerAfter = fail("ohlcv_daily", null);

    assertThat(winterBefore).contains("@alice").doesNotContain("silenced");
    assertThat(winterInside).contains("🔕 silenced by #1 'Weekly exchange maintenance'");
    assertThat(acrossTheChange).contains("🔕 silenced by #2 'Weekly exchange maintenance'");
    assertThat(afterIt).doesNotContain("silenced");
    assertThat(summerInside).contains("🔕 silenced by #3 'Weekly exchange maintenance'");
    assertThat(summerAfter).doesNotContain("silenced");
    assertThat(bot.meister().storage().silences().find(2))
        .hasValueSatisfying(
            s -> {
              assertThat(s.from()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
              assertThat(s.until()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
            });
    assertThat(bot.meister().storage().silences().find(3))
        .map(Silence::from)
        .hasValue(Instant.parse("2026-04-04T20:00:00Z"));
  }

  private void restartWith(String yaml) throws Exception {
    restartWith(yaml, T0);
  }

  private void restartWith(String yaml, Instant start) throws Exception {
    bot.close();
    bot = new DutyBot(Files.createDirectories(dir.resolve("other")), yaml, start, Map.of());
  }

  private RunEvent event(String dag, @Nullable String region) {
    AirflowTask task =
        AirflowTask.builder(dag)
            .taskId("load")
            .logicalDate(bot.clock.instant().toString())
            .exception("boom")
            .region(region)
            .build();
    return new RunEvent("airflow:" + (++deliveries), Outcome.FAILED, bot.clock.instant(), task);
  }

  /** An Airflow failure of {@code dag}, delivered; the text of the alert as posted. */
  private String fail(String dag, @Nullable String region) {
    bot.runtime().intake().accept(event(dag, region));
    bot.tick();
    return bot.chat.sent().get(bot.chat.sent().size() - 1).text();
  }
}
