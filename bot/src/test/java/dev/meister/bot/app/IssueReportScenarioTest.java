package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.github.FakeGitHub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /issue new [LEVEL] TITLE}: what did not come from an alert is filed with the rotation's
 * labels, the chosen priority and the on-call as assignee on a fake GitHub, then handed over like
 * the alerts' issues. Time comes from the test's clock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IssueReportScenarioTest {
  /** Wednesday: Alice has the Hausmeister week (roster alice, bob from Mon 2 Nov). */
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");

  @TempDir Path dir;
  private FakeGitHub github;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM
                + """
        priorities: [P4, P3, P2, P1]
        rotations:
          hausmeister:
            name: Hausmeister
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob]
            chat: telegram/data-alerts
        routes:
          - { name: all, rotation: hausmeister }
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
          repo: nubank/itaipu
          priority: P2
          rotations:
            hausmeister: { labels: [bug, data-infra] }
        """
                    .formatted(github.apiUrl()),
            T0,
            Map.of("GITHUB_TOKEN", "gh-token"));
  }

  @AfterEach
  void stop() {
    bot.close();
    github.close();
  }

  // Seed 001, triage: "create an itaipu issue tagged with `bug` and `data-infra` and a priority".
  @Test
  void issue_new_files_it_with_the_rotations_labels_the_priority_and_the_on_call_as_assignee() {
    bot.say("bob", "/issue new P3 Contracts load is slow since Monday");
    assertThat(bot.chat.texts())
        .containsExactly("Filing “Contracts load is slow since Monday” as P3…");
    assertThat(github.received("POST", ".*/repos/nubank/itaipu/issues")).isEmpty();

    bot.tick();

    JsonNode created = github.received("POST", ".*/repos/nubank/itaipu/issues").get(0).json();
    assertThat(created.path("title").asText()).isEqualTo("Contracts load is slow since Monday");
    assertThat(created.path("labels").toString()).isEqualTo("[\"bug\",\"data-infra\",\"P3\"]");
    assertThat(created.path("body").asText())
        .contains("Reported in chat by Bob Stone.")
        .contains("**On call:** @alice-gh");
    assertThat(github.assignees("nubank/itaipu", 9110)).containsExactly("alice-gh");
    assertThat(bot.chat.texts())
        .last()
        .isEqualTo("📝 Filed #9110: Contracts load is slow since Monday");
  }

  @Test
  void resolve_in_reply_to_its_filed_answer_logs_the_reason_and_solution() {
    bot.say("bob", "/issue new P3 Contracts load is slow");
    bot.tick();
    TranscriptChatPort.Sent filed = bot.chat.sent().get(bot.chat.sent().size() - 1);
    bot.chat.clear();

    bot.reply("alice", filed, "/resolve 1 | Added an index");

    assertThat(bot.chat.texts()).singleElement().asString().startsWith("Logged for #9110: ");
    assertThat(bot.chat.texts()).singleElement().asString().endsWith(" → Added an index");
  }

  @Test
  void resolve_in_reply_to_any_other_message_still_gets_the_usage() {
    bot.say("bob", "/issue new P3 Contracts load is slow");
    TranscriptChatPort.Sent filing = bot.chat.sent().get(bot.chat.sent().size() - 1);
    bot.chat.clear();

    bot.reply("alice", filing, "/resolve 1 | Added an index");

    assertThat(bot.chat.texts()).singleElement().asString().startsWith("Reply to an alert or its");
  }

  @Test
  void without_a_priority_the_rotations_default_label_is_used() {
    bot.say("alice", "/issue new Spark job OOM on shard 3");
    bot.tick();

    assertThat(
            github
                .received("POST", ".*/repos/nubank/itaipu/issues")
                .get(0)
                .json()
                .path("labels")
                .toString())
        .isEqualTo("[\"bug\",\"data-infra\",\"P2\"]");
  }

  // Seed 001, hand-off: "any pending issues are handed off to the weekend on-call engineer".
  @Test
  void the_filed_issue_is_handed_over_at_the_next_hand_off_like_the_alerts_issues() {
    bot.say("bob", "/issue new P4 Invalid dataset in contracts");
    bot.tick();
    bot.chat.clear();

    bot.advanceTo(Instant.parse("2026-11-23T10:30:00Z"), Duration.ofMinutes(30));

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("Hand-off"))
        .singleElement()
        .asString()
        .contains("Open: #9110 P4 “Invalid dataset in contracts”");
  }

  @Test
  void a_priority_off_the_scale_or_no_title_is_answered_in_one_line_and_files_nothing() {
    bot.say("bob", "/issue new P7 Something broke");
    bot.say("bob", "/issue new P3");
    bot.tick();

    assertThat(bot.chat.texts())
        .containsExactly(
            "'P7' is not a priority of P4, P3, P2, P1; /issue new [LEVEL] TITLE.",
            "Give the issue a title: /issue new [LEVEL] TITLE, e.g. /issue new P3 Contracts load"
                + " is slow.");
    assertThat(github.received("POST", ".*/issues")).isEmpty();
  }

  @Test
  void github_refusing_is_answered_in_one_line_and_nothing_is_tracked() {
    github.failNext("POST", ".*/repos/nubank/itaipu/issues", FakeGitHub.error(403, "Forbidden"));
    bot.say("bob", "/issue new P3 Contracts load is slow");

    bot.tick();

    assertThat(bot.chat.texts()).last().asString().startsWith("⚠️ Could not file the issue: ");
    assertThat(
            bot.meister()
                .storage()
                .openWork()
                .issues(dev.meister.core.schedule.RotationId.of("hausmeister"), 10))
        .isEmpty();
  }

  @Test
  void an_outsider_cannot_file() {
    bot.sayAsStranger("/issue new P3 Free bitcoin");
    bot.tick();

    assertThat(github.received("POST", ".*/issues")).isEmpty();
  }
}
