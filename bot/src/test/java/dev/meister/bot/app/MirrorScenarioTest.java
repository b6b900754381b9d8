package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.StormGuard;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.MemberId;
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

/**
 * Mirroring alerts for visibility (seed 001: "mention the failure in #guild-data-eng … so people
 * can follow along"): a route naming a Telegram chat and a Slack channel posts to both, the first
 * being where the on-call works; the copy is kept up to date by editing, an ack there counts, and
 * each chat keeps its own storm pace.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MirrorScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
  private static final ChatRef GUILD = ChatRef.of(Platform.SLACK, "C0GUILD");

  @TempDir Path dir;
  private DutyBot bot;
  private int deliveries;

  @BeforeEach
  void start() throws Exception {
    bot =
        new DutyBot(
            dir,
            """
            team:
              members:
                alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001, slack: U0ALICE }
                bob:   { name: Bob Stone, telegram: bobs, telegram_id: 100002, slack: U0BOB }
                carol: { name: Carol Lee, telegram: carol_l, telegram_id: 100003, slack: U0CAROL }
            chats:
              telegram:
                token: ${TELEGRAM_BOT_TOKEN}
                chats:
                  data-alerts: { chat_id: -100111 }
              slack:
                bot_token: ${SLACK_BOT_TOKEN}
                signing_secret: ${SLACK_SIGNING_SECRET}
                mode: http
                channels:
                  guild-data-eng: { channel: C0GUILD }
            rotations:
              hausmeister:
                name: Hausmeister
                zone: Europe/Berlin
                shift: 1w
                handoff: { day: monday, time: "11:00" }
                anchor: 2026-11-02
                roster: [alice, bob]
                secondary: [carol]
                chat: telegram/data-alerts
            routes:
              - name: builds
                match: { source: github, workflow: "*fast*" }
                rotation: hausmeister
                chat: [telegram/data-alerts, slack/guild-data-eng]
              - name: guild-only
                match: { source: github }
                rotation: hausmeister
                chat: slack/guild-data-eng
            fix_or_revert:
              enabled: false
            """,
            T0,
            Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void the_alert_goes_to_every_chat_of_its_route_and_only_the_first_pings_the_on_call() {
    fail("fast_tests");

    TranscriptChatPort.Sent home = only(bot.chat.sent());
    TranscriptChatPort.Sent copy = only(bot.slack.sent());
    assertThat(home.chat()).isEqualTo(DutyBot.chatRef());
    assertThat(copy.chat()).isEqualTo(GUILD);
    assertThat(home.text()).contains("On call: @alice");
    // The same alert, for following along: the name instead of a ping, and only "Looking".
    assertThat(copy.text()).contains("Build fail").contains("On call: Alice Doe");
    assertThat(copy.text()).doesNotContain("@alice");
    assertThat(copy.buttons()).extracting(Button::label).containsExactly("👀 Looking");
  }

  @Test
  void an_ack_in_the_mirror_counts_and_edits_both_copies() {
    fail("fast_tests");
    TranscriptChatPort.Sent home = only(bot.chat.sent());
    TranscriptChatPort.Sent copy = only(bot.slack.sent());

    bot.press("bob", copy, "👀 Looking");

    assertThat(bot.meister().storage().alerts().acknowledgement(new AlertId(1)))
        .hasValueSatisfying(a -> assertThat(a.member()).isEqualTo(MemberId.of("bob")));
    assertThat(edits(bot.chat, home)).singleElement().asString().contains("Bob Stone is looking");
    assertThat(edits(bot.slack, copy)).singleElement().asString().contains("Bob Stone is looking");
    // The answer goes where the press was.
    assertThat(bot.slack.sent())
        .anyMatch(s -> copy.ref().equals(s.replyTo()) && s.text().contains("is looking into this"));
  }

  @Test
  void a_second_ack_from_the_other_chat_is_answered_and_changes_nothing() {
    fail("fast_tests");
    TranscriptChatPort.Sent home = only(bot.chat.sent());
    TranscriptChatPort.Sent copy = only(bot.slack.sent());
    bot.press("alice", home, "👀 Looking");

    bot.press("bob", copy, "👀 Looking");

    assertThat(bot.meister().storage().alerts().acknowledgement(new AlertId(1)))
        .hasValueSatisfying(a -> assertThat(a.member()).isEqualTo(MemberId.of("alice")));
    assertThat(bot.slack.sent())
        .anyMatch(s -> s.text().contains("Alice Doe is already looking into this"));
    assertThat(edits(bot.slack, copy)).hasSize(1);
  }

  @Test
  void resolving_in_the_first_chat_shows_on_the_mirror_and_removes_its_button() {
    fail("fast_tests");
    TranscriptChatPort.Sent home = only(bot.chat.sent());
    TranscriptChatPort.Sent copy = only(bot.slack.sent());

    bot.reply("alice", home, "/resolve 1 | Reverted the merge");

    List<TranscriptChatPort.Sent> mirrorEdits = editsOf(bot.slack, copy);
    assertThat(mirrorEdits)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.text())
                  .contains("✅ Resolved by Alice Doe")
                  .contains("Reverted the merge");
              assertThat(e.buttons()).isEmpty();
            });
    assertThat(edits(bot.chat, home)).singleElement().asString().contains("✅ Resolved by");
  }

  @Test
  void follow_ups_stay_in_the_first_chat_thread() {
    fail("fast_tests");
    TranscriptChatPort.Sent home = only(bot.chat.sent());
    bot.slack.clear();

    bot.reply("alice", home, "/escalate stuck");

    // The escalation edits the mirror copy but its tag is answered in the on-call's chat.
    assertThat(bot.slack.sent())
        .singleElement()
        .satisfies(
            s -> assertThat(s.text()).startsWith("(edit)").contains("Escalated to Carol Lee"));
    assertThat(bot.chat.texts()).anyMatch(t -> t.contains("@carol (Level 2)"));
  }

  @Test
  void each_chat_keeps_its_own_storm_pace() {
    // Slack hears both routes, Telegram only the first: Slack's burst of 10 is used up first.
    for (int i = 0; i < 8; i++) {
      fail("fast_tests");
    }
    for (int i = 0; i < 6; i++) {
      fail("slow_tests");
    }
    bot.advance(Duration.ofMinutes(2), Duration.ofMinutes(1));

    List<String> telegram = bot.chat.texts();
    List<String> slack = bot.slack.texts();
    assertThat(telegram).hasSize(8).noneMatch(t -> t.contains("more failure"));
    long own = slack.stream().filter(t -> t.contains("On call:")).count();
    assertThat(own).isEqualTo(StormGuard.CHAT_BURST);
    // The rest of the 14 went into Slack's digests; Telegram, at 8, never needed one.
    int digested =
        slack.stream()
            .filter(t -> t.contains("more failure"))
            .mapToInt(t -> Integer.parseInt(t.substring(0, t.indexOf(' '))))
            .sum();
    assertThat(own + digested).isEqualTo(14);
    assertThat(digested).isPositive();
  }

  private void fail(String workflow) {
    GitHubRun run =
        GitHubRun.builder("cryptokaizen/cmamp")
            .workflowPath(".github/workflows/" + workflow + ".yml")
            .workflowName(workflow)
            .branch("master")
            .runNumber(100 + deliveries)
            .runId(9000L + deliveries)
            .conclusion("failure")
            .build();
    bot.runtime()
        .intake()
        .accept(new RunEvent("github:" + (++deliveries), Outcome.FAILED, bot.clock.instant(), run));
    bot.tick();
  }

  private static TranscriptChatPort.Sent only(List<TranscriptChatPort.Sent> sent) {
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  private static List<TranscriptChatPort.Sent> editsOf(
      TranscriptChatPort chat, TranscriptChatPort.Sent message) {
    return chat.sent().stream()
        .filter(s -> s.ref().equals(message.ref()) && s.text().startsWith("(edit)"))
        .toList();
  }

  private static List<String> edits(TranscriptChatPort chat, TranscriptChatPort.Sent message) {
    return editsOf(chat, message).stream().map(TranscriptChatPort.Sent::text).toList();
  }
}
