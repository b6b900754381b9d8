package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meister.core.alert.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest extends StorageTestBase {
  @Test
  void concurrent_work_is_committed_and_each_caller_gets_its_own_result() throws Exception {
    try (GroupCommit group = new GroupCommit(storage.database(), 64)) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Callable<Recorded>> work = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String key = "g-" + (i % 200);
        work.add(() -> group.inTransaction(() -> storage.alerts().record(alert(key))));
      }

      List<Future<Recorded>> results = pool.invokeAll(work);
      pool.shutdown();

      int created = 0;
      for (Future<Recorded> f : results) {
        Recorded r = f.get();
        assertThat(r.alert().dedupKey()).startsWith("github:g-");
        created += r.created() ? 1 : 0;
      }
      assertThat(created).isEqualTo(200);
    }
    reopen();
    assertThat(storage.alerts().count()).isEqualTo(200);
  }

  @Test
  void a_failing_piece_is_rolled_back_alone() throws Exception {
    try (GroupCommit group = new GroupCommit(storage.database(), 64)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      Future<?> bad =
          pool.submit(
              () ->
                  group.inTransaction(
                      () -> {
                        storage.alerts().record(alert("half-written"));
                        throw new IllegalStateException("failed after the insert");
                      }));
      Future<Recorded> good =
          pool.submit(() -> group.inTransaction(() -> storage.alerts().record(alert("fine"))));
      pool.shutdown();

      assertThat(good.get().created()).isTrue();
      assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalStateException.class);
    }
    assertThat(storage.alerts().findByDedupKey("github:half-written")).isEmpty();
    assertThat(storage.alerts().findByDedupKey("github:fine")).isPresent();
  }

  @Test
  void the_hooks_of_a_failing_piece_are_dropped_and_the_others_run_after_the_commit()
      throws Exception {
    List<String> told = new CopyOnWriteArrayList<>();
    try (GroupCommit group = new GroupCommit(storage.database(), 64)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      Future<?> bad =
          pool.submit(
              () ->
                  group.inTransaction(
                      () -> {
                        storage.alerts().record(alert("rolled-back"));
                        storage.database().afterCommit(() -> told.add("rolled-back"));
                        throw new IllegalStateException("failed after the hook");
                      }));
      Future<Recorded> good =
          pool.submit(
              () ->
                  group.inTransaction(
                      () -> {
                        Recorded r = storage.alerts().record(alert("kept"));
                        storage
                            .database()
                            .afterCommit(
                                () ->
                                    told.add(
                                        "kept: "
                                            + storage
                                                .alerts()
                                                .findByDedupKey("github:kept")
                                                .isPresent()));
                        return r;
                      }));
      pool.shutdown();

      assertThat(good.get().created()).isTrue();
      assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalStateException.class);
    }
    assertThat(told).containsExactly("kept: true");
  }

  @Test
  void the_pieces_waiting_while_a_batch_commits_are_committed_together_in_one_transaction()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommit group = new GroupCommit(storage.database(), 64)) {
      ExecutorService pool = Executors.newFixedThreadPool(41);
      Future<Recorded> first =
          pool.submit(
              () ->
                  group.inTransaction(
                      () -> {
                        waitFor(release);
                        return storage.alerts().record(alert("first"));
                      }));
      await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 0);
      long before = storage.database().commits();
      List<Future<Recorded>> rest = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String key = "batched-" + i;
        rest.add(pool.submit(() -> group.inTransaction(() -> storage.alerts().record(alert(key)))));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 40);

      release.countDown();
      assertThat(first.get().created()).isTrue();
      for (Future<Recorded> f : rest) {
        assertThat(f.get().created()).isTrue();
      }
      pool.shutdown();

      // The first piece's batch, then the forty that waited for it: two commits, two fsyncs.
      assertThat(storage.database().commits() - before).isEqualTo(2);
    }
    assertThat(storage.alerts().count()).isEqualTo(41);
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
