package dev.meister.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  /** Answers as if each kind had {@code rows} old rows; records every call. */
  private static final class CountingStore implements RetentionStore {
    final List<String> calls = new ArrayList<>();
    int rows;

    CountingStore(int rows) {
      this.rows = rows;
    }

    @Override
    public int prune(Prunable kind, Instant before, int limit) {
      calls.add(kind + " before " + before + " limit " + limit);
      return Math.min(limit, rows);
    }
  }

  @Test
  void status_posts_go_first_then_their_messages_then_recorded_runs_cut_off_at_the_period() {
    CountingStore store = new CountingStore(0);

    new Retention(store, Duration.ofDays(30)).runDue(NOW);

    assertThat(store.calls)
        .containsExactly(
            "STATUS_POSTS before 2026-10-26T09:00:00Z limit 500",
            "DELIVERED_MESSAGES before 2026-10-26T09:00:00Z limit 500",
            "RUN_SUCCESSES before 2026-10-26T09:00:00Z limit 500");
  }

  @Test
  void with_nothing_left_it_runs_again_an_interval_later() {
    assertThat(
            new Retention(new CountingStore(3), Duration.ofDays(30), Duration.ofHours(1), 10, 5)
                .runDue(NOW))
        .contains(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void full_batches_stop_after_the_batches_of_one_run_and_ask_to_run_again_at_once() {
    CountingStore store = new CountingStore(Integer.MAX_VALUE);

    var next = new Retention(store, Duration.ofDays(30), Duration.ofHours(1), 10, 4).runDue(NOW);

    assertThat(next).contains(NOW);
    assertThat(store.calls).hasSize(12);
  }

  @Test
  void a_period_of_zero_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Retention(new CountingStore(0), Duration.ZERO))
        .withMessage("the retention period must be longer than 0");
  }
}
