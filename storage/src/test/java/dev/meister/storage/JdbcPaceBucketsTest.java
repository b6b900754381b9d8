package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.PaceBucket;
import dev.meister.core.alert.StormGuard;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The storm pace in the database: two instances (two {@link Storage}s on one database, each with
 * its own {@link StormGuard}) share one chat's allowance of a burst of 20 and 20 a minute.
 */
class JdbcPaceBucketsTest extends StorageTestBase {
  private static final ChatRef CHAT = new ChatRef(Platform.TELEGRAM, "-100077", "5");

  @Test
  void two_instances_spend_one_allowance_between_them() {
    try (Storage other = Storage.open(target, CLOCK)) {
      StormGuard a = new StormGuard(CLOCK, 20, 20, storage.paceBuckets());
      StormGuard b = new StormGuard(CLOCK, 20, 20, other.paceBuckets());
      int admitted = 0;
      for (int i = 0; i < 20; i++) {
        admitted += (i % 2 == 0 ? a : b).tryPost(CHAT) ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(20);
      assertThat(a.tryPost(CHAT)).isFalse();
      assertThat(b.tryPost(CHAT)).as("the other instance's burst is spent too").isFalse();
      assertThat(a.tryPost(ChatRef.of(Platform.TELEGRAM, "-100078")))
          .as("another chat has its own")
          .isTrue();
    }
  }

  @Test
  void the_allowance_refills_by_the_minute_and_survives_a_restart_exactly() {
    Instant at = Instant.parse("2026-11-23T10:00:00.123456789Z");
    storage.paceBuckets().put(CHAT, new PaceBucket(3 * Duration.ofMinutes(1).toNanos(), at));
    reopen();

    assertThat(storage.paceBuckets().get(CHAT))
        .contains(new PaceBucket(3 * Duration.ofMinutes(1).toNanos(), at));
    assertThat(storage.paceBuckets().get(ChatRef.of(Platform.TELEGRAM, "-1"))).isEmpty();
  }

  @Test
  void a_restarted_instance_resumes_from_the_shared_pace_not_from_its_replay() {
    StormGuard first = new StormGuard(CLOCK, 20, 20, storage.paceBuckets());
    for (int i = 0; i < 20; i++) {
      assertThat(first.tryPost(CHAT)).isTrue();
    }
    StormGuard next = new StormGuard(CLOCK, 20, 20, storage.paceBuckets());
    // The outbox may show fewer posts (another instance's are its own); the row is the pace.
    next.resume(CHAT, java.util.List.of(), java.util.Optional.empty());
    assertThat(next.tryPost(CHAT)).isFalse();
  }
}
