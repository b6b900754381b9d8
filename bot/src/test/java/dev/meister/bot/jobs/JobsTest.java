package dev.meister.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.timing.DueWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The real Quartz scheduler behind {@link Jobs}, and the {@link Timekeeper} on it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JobsTest {
  private final Jobs jobs = Jobs.start(2, Clock.systemUTC());

  @AfterEach
  void stop() {
    jobs.close();
  }

  @Test
  void a_job_due_now_runs_at_once() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);

    jobs.at(Instant.now(), "now", ran::countDown);

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void a_periodic_job_counts_its_first_period_from_the_scheduler_clock() {
    Instant then = Instant.parse("2031-03-04T05:06:07Z");
    try (Jobs fixed = Jobs.start(1, Clock.fixed(then, ZoneOffset.UTC))) {
      fixed.every(Duration.ofMinutes(15), "sweep", () -> {});

      assertThat(fixed.nextFire("sweep")).contains(then.plus(Duration.ofMinutes(15)));
    }
  }

  @Test
  void a_daily_job_fires_next_at_its_local_time_in_its_zone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    jobs.daily(LocalTime.of(9, 30), berlin, "status", () -> {});

    ZonedDateTime next = jobs.nextFire("status").orElseThrow().atZone(berlin);
    assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    assertThat(Duration.between(Instant.now(), next.toInstant()))
        .isBetween(Duration.ZERO, Duration.ofDays(1));
  }

  @Test
  void scheduling_a_key_again_replaces_it_and_cancel_removes_it() {
    Instant later = Instant.now().plus(Duration.ofHours(5));
    jobs.at(Instant.now().plus(Duration.ofHours(1)), "wake", () -> {});

    jobs.at(later, "wake", () -> {});

    assertThat(jobs.nextFire("wake"))
        .contains(later.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(jobs.cancel("wake")).isTrue();
    assertThat(jobs.nextFire("wake")).isEmpty();
  }

  @Test
  void a_bad_cron_expression_is_refused_with_its_text() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> jobs.cron("every day", ZoneOffset.UTC, "bad", () -> {}))
        .withMessageStartingWith("'every day' is not a Quartz cron expression");
  }

  @Test
  void a_failing_job_keeps_its_schedule() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch twice = new CountDownLatch(2);

    jobs.every(
        Duration.ofMillis(50),
        "flaky",
        () -> {
          runs.incrementAndGet();
          twice.countDown();
          throw new IllegalStateException("boom");
        });

    assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(runs.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void the_timekeeper_runs_its_work_at_start_and_wakes_at_the_next_due_moment() throws Exception {
    CountDownLatch ranTwice = new CountDownLatch(2);
    List<Instant> seen = new ArrayList<>();
    DueWork work =
        new DueWork() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public synchronized Optional<Instant> runDue(Instant now) {
            seen.add(now);
            ranTwice.countDown();
            // Due again in 100 ms: the timekeeper must come back by itself, not wait for the sweep.
            return Optional.of(now.plusMillis(100));
          }
        };
    Timekeeper keeper = new Timekeeper(List.of(work, failing()), Clock.systemUTC());

    keeper.start(jobs, Duration.ofHours(1));

    assertThat(ranTwice.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(jobs.nextFire(Timekeeper.SWEEP)).isPresent();
  }

  @Test
  void a_woken_timekeeper_ticks_at_once_instead_of_at_the_next_sweep() throws Exception {
    java.util.concurrent.atomic.AtomicInteger ticks =
        new java.util.concurrent.atomic.AtomicInteger();
    DueWork counting =
        new DueWork() {
          @Override
          public String name() {
            return "counting";
          }

          @Override
          public Optional<Instant> runDue(Instant now) {
            ticks.incrementAndGet();
            return Optional.empty(); // nothing due later: only the hourly sweep would come back
          }
        };
    Timekeeper keeper = new Timekeeper(List.of(counting), Clock.systemUTC());
    keeper.wake(); // before start: nothing to wake yet, and no failure
    keeper.start(jobs, Duration.ofHours(1));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() == 1);

    keeper.wake();

    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() == 2);
  }

  private static DueWork failing() {
    return new DueWork() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Optional<Instant> runDue(Instant now) {
        throw new IllegalStateException("one broken work must not stop the others");
      }
    };
  }
}
