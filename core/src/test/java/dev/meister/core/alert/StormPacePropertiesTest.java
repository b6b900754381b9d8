package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The pace Meister keeps a chat to, over random storms (bursts, steady trickles, pauses) and a
 * restart at a random moment: in no minute does a chat get more alert posts and digests than
 * Telegram lets a bot send to a group, and a storm still gets its burst straight away.
 */
class StormPacePropertiesTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100123");
  private static final Instant START = Instant.parse("2026-11-20T03:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Provide
  Arbitrary<List<Integer>> gaps() {
    // Milliseconds between alerts: mostly simultaneous (a storm's webhooks), sometimes seconds.
    Arbitrary<Integer> gap =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(0)),
            Tuple.of(3, Arbitraries.integers().between(1, 5_000)),
            Tuple.of(1, Arbitraries.integers().between(5_000, 90_000)));
    return gap.list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 300)
  void no_minute_holds_more_posts_and_digests_than_the_group_limit(
      @ForAll("gaps") List<Integer> gaps, @ForAll @IntRange(min = 0, max = 400) int restartAt) {
    List<Instant> sent = run(gaps, restartAt);

    for (Instant from : sent) {
      Instant to = from.plus(MINUTE);
      long inMinute = sent.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
      assertThat(inMinute)
          .as("messages in the minute from %s", from)
          .isLessThanOrEqualTo(StormGuard.CHAT_LIMIT_PER_MINUTE);
    }
  }

  @Property(tries = 100)
  void a_storm_on_a_quiet_chat_gets_its_burst_at_once(
      @ForAll @IntRange(min = 1, max = 200) int alerts) {
    MutableClock clock = new MutableClock(START);
    StormGuard guard = guard(clock);

    int posted = 0;
    for (int i = 0; i < alerts; i++) {
      posted += guard.tryPost(CHAT) ? 1 : 0;
    }

    assertThat(posted).isEqualTo(Math.min(alerts, StormGuard.CHAT_BURST));
  }

  /**
   * Plays the alerts through a guard (restarted, resumed from what it sent, before alert {@code
   * restartAt}), polling for a digest every second as the relay does; answers when each alert post
   * and digest went out.
   */
  private static List<Instant> run(List<Integer> gaps, int restartAt) {
    MutableClock clock = new MutableClock(START);
    StormGuard guard = guard(clock);
    List<Instant> posts = new ArrayList<>();
    List<Instant> digests = new ArrayList<>();
    int held = 0;
    for (int i = 0; i < gaps.size(); i++) {
      long gap = gaps.get(i);
      while (gap > 0) {
        long step = Math.min(gap, 1_000);
        clock.advance(Duration.ofMillis(step));
        gap -= step;
        if (held > 0 && guard.canPostDigest(CHAT)) {
          digests.add(clock.instant());
          held = 0;
        }
      }
      if (i == restartAt) {
        guard = guard(clock);
        guard.resume(
            CHAT,
            List.copyOf(posts),
            digests.isEmpty() ? Optional.empty() : Optional.of(last(digests)));
      }
      if (guard.tryPost(CHAT)) {
        posts.add(clock.instant());
      } else {
        held++;
      }
    }
    // The digest of the last held alerts follows within the next minute.
    for (int s = 0; s < 120 && held > 0; s++) {
      clock.advance(Duration.ofSeconds(1));
      if (guard.canPostDigest(CHAT)) {
        digests.add(clock.instant());
        held = 0;
      }
    }
    assertThat(held).as("alerts never summarised").isZero();
    List<Instant> sent = new ArrayList<>(posts);
    sent.addAll(digests);
    return sent;
  }

  private static StormGuard guard(MutableClock clock) {
    return new StormGuard(clock, StormGuard.CHAT_PER_MINUTE, StormGuard.CHAT_BURST);
  }

  private static Instant last(List<Instant> times) {
    return times.get(times.size() - 1);
  }
}
