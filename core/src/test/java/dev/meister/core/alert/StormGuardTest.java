package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class StormGuardTest {
  private static final ChatRef ALERTS = ChatRef.of(Platform.TELEGRAM, "-100123");
  private static final ChatRef OTHER = ChatRef.of(Platform.TELEGRAM, "-100456");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T03:00:00Z"));
  private final StormGuard guard = new StormGuard(clock, 20, 20);

  @Test
  void a_storm_gets_its_burst_and_no_more() {
    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      answers.add(guard.tryPost(ALERTS));
      clock.advance(Duration.ofMillis(100));
    }

    assertThat(answers.subList(0, 20)).containsOnly(true);
    assertThat(answers.subList(20, 25)).containsOnly(false);
  }

  @Test
  void a_token_comes_back_every_three_seconds_at_twenty_a_minute() {
    drain(ALERTS);

    clock.advance(Duration.ofMillis(2999));
    assertThat(guard.tryPost(ALERTS)).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(guard.tryPost(ALERTS)).isTrue();
    assertThat(guard.tryPost(ALERTS)).isFalse();
  }

  @Test
  void a_quiet_spell_refills_only_up_to_the_burst() {
    drain(ALERTS);

    clock.advance(Duration.ofDays(30));

    assertThat(Collections.frequency(attempts(ALERTS, 25), true)).isEqualTo(20);
  }

  @Test
  void each_chat_has_its_own_allowance() {
    drain(ALERTS);

    assertThat(guard.tryPost(OTHER)).isTrue();
    assertThat(guard.tryPost(ALERTS)).isFalse();
  }

  @Test
  void a_digest_may_go_out_once_a_minute_per_chat_even_in_a_storm() {
    drain(ALERTS);

    assertThat(guard.canPostDigest(ALERTS)).isTrue();
    assertThat(guard.canPostDigest(ALERTS)).isFalse();
    assertThat(guard.canPostDigest(OTHER)).isTrue();
    clock.advance(Duration.ofSeconds(59));
    assertThat(guard.canPostDigest(ALERTS)).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(guard.canPostDigest(ALERTS)).isTrue();
  }

  @Test
  void a_pace_resumed_after_a_burst_just_before_a_restart_allows_only_what_came_back_since() {
    List<Instant> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(clock.instant());
    }
    clock.advance(Duration.ofSeconds(5));

    guard.resume(ALERTS, burst, Optional.empty());

    assertThat(Collections.frequency(attempts(ALERTS, 25), true))
        .as("one token back in five seconds at twenty a minute")
        .isEqualTo(1);
    assertThat(guard.tryPost(OTHER)).as("other chats keep their burst").isTrue();
  }

  @Test
  void a_pace_resumed_in_a_steady_storm_stays_at_the_rate_rather_than_granting_a_burst() {
    List<Instant> steady = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      steady.add(clock.instant());
      clock.advance(Duration.ofSeconds(3));
    }

    guard.resume(ALERTS, steady, Optional.empty());

    assertThat(Collections.frequency(attempts(ALERTS, 25), true))
        .as("the token that came back since the last post")
        .isEqualTo(1);
  }

  @Test
  void posts_older_than_the_guards_memory_do_not_hold_a_chat_back() {
    List<Instant> old = Collections.nCopies(20, clock.instant());
    clock.advance(guard.memory());

    guard.resume(ALERTS, old, Optional.empty());

    assertThat(guard.memory()).isEqualTo(Duration.ofMinutes(1));
    assertThat(Collections.frequency(attempts(ALERTS, 25), true)).isEqualTo(20);
  }

  @Test
  void a_digest_queued_before_a_restart_still_spaces_the_next_one_a_minute_later() {
    Instant digest = clock.instant();
    clock.advance(Duration.ofSeconds(10));

    guard.resume(ALERTS, List.of(), Optional.of(digest));

    assertThat(guard.canPostDigest(ALERTS)).isFalse();
    clock.advance(Duration.ofSeconds(50));
    assertThat(guard.canPostDigest(ALERTS)).isTrue();
  }

  @Test
  void a_rate_must_be_positive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StormGuard(clock, 0, 20))
        .withMessage("perMinute must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StormGuard(clock, 20, 0))
        .withMessage("burst must be positive");
  }

  private void drain(ChatRef chat) {
    assertThat(Collections.frequency(attempts(chat, 25), true)).isEqualTo(20);
  }

  private List<Boolean> attempts(ChatRef chat, int n) {
    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(guard.tryPost(chat));
    }
    return answers;
  }
}
