package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The weekend layer hands over twice a week: Fri 17:00 to the weekend on-call, Mon 11:00 back. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WeekendHandoffTest {
  @TempDir Path dir;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    bot = new DutyBot(dir, HandoffScenarioTest.TEAM + """
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
        """, Instant.parse("2026-11-20T12:00:00Z"), Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void friday_hands_to_the_weekend_on_call_and_monday_to_the_new_weekday_on_call() {
    bot.advance(Duration.ofDays(3), Duration.ofMinutes(30));

    assertThat(bot.chat.texts()).filteredOn(t -> t.startsWith(":repeat:"))
        .extracting(t -> t.substring(0, t.indexOf('\n'))).containsExactly(
            ":repeat: Weekend hand-off Hausmeister: @alice → @carol (until Mon 23 Nov 11:00"
                + " Europe/Berlin). Open: nothing.",
            ":repeat: Hand-off Hausmeister: @carol → @bob (until Fri 27 Nov 17:00"
                + " Europe/Berlin). Open: nothing.");
  }

  @Test
  void weekend_on_calls_swap_their_next_weekends() {
    bot.say("carol", "/swap @dave");
    bot.say("dave", "/swap accept 1");

    assertThat(bot.chat.texts()).last().asString().startsWith(":white_check_mark: @dave and"
        + " @carol swapped their Hausmeister shifts");
    assertThat(primaryAt("2026-11-21T12:00:00Z")).isEqualTo("dave");
    assertThat(primaryAt("2026-11-28T12:00:00Z")).isEqualTo("carol");
    assertThat(primaryAt("2026-11-25T12:00:00Z")).isEqualTo("bob");
  }

  private String primaryAt(String instant) {
    java.time.Instant t = java.time.Instant.parse(instant);
    var directory = bot.meister().directory();
    var r = directory.find(dev.meister.core.rotation.RotationId.of("hausmeister")).orElseThrow();
    return directory.resolver(r, t).onCallAt(t).primary().member().value();
  }

  @Test
  void the_weekend_hand_off_is_confirmed_with_the_same_handshake() {
    bot.advanceTo(Instant.parse("2026-11-20T16:00:00Z"), Duration.ofMinutes(30));
    bot.chat.clear();

    bot.say("alice", "/handoff @carol two reruns pending");
    bot.say("carol", "/handoff accept");

    assertThat(bot.chat.texts()).last().isEqualTo(":white_check_mark: Hand-off complete: @carol"
        + " has Hausmeister until Mon 23 Nov 11:00 Europe/Berlin. Notes from @alice:"
        + " “two reruns pending”.");
  }
}
