package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Recorded;
import dev.meister.core.chat.AlertId;
import dev.meister.core.team.MemberId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JdbcAlertStoreTest extends StorageTestBase {
  @Test
  void a_recorded_alert_comes_back_with_an_id_and_every_attribute() {
    Recorded r = storage.alerts().record(alert("a"));

    assertThat(r.created()).isTrue();
    assertThat(r.id()).isNotNull();
    Alert found = storage.alerts().find(r.id()).orElseThrow();
    assertThat(found).isEqualTo(alert("a").withId(r.id()));
    assertThat(found.gitHubRun().flatMap(GitHubRun::commitMessage)).contains("say \"hi\" — ünï");
  }

  @Test
  void a_repeated_delivery_returns_the_first_alert_and_stores_nothing_new() {
    Recorded first = storage.alerts().record(alert("same"));

    Recorded again = storage.alerts().record(alert("same"));

    assertThat(again.created()).isFalse();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(storage.alerts().count()).isEqualTo(1);
  }

  @Test
  void concurrent_deliveries_store_exactly_one_alert_per_delivery() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Recorded>> work = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String key = "k-" + (i % 25);
      work.add(() -> storage.alerts().record(alert(key)));
    }

    List<Future<Recorded>> results = pool.invokeAll(work);
    pool.shutdown();

    long created = 0;
    for (Future<Recorded> f : results) {
      created += f.get().created() ? 1 : 0;
    }
    assertThat(created).isEqualTo(25);
    assertThat(storage.alerts().count()).isEqualTo(25);
  }

  @Test
  void the_first_acknowledgement_wins() {
    AlertId id = storage.alerts().record(alert("ack")).id();
    Acknowledgement bob = new Acknowledgement(id, MemberId.of("bob"), NOW, AckChannel.BUTTON);
    Acknowledgement carol =
        new Acknowledgement(id, MemberId.of("carol"), NOW.plusSeconds(5), AckChannel.REPLY);

    assertThat(storage.alerts().acknowledge(bob)).isEqualTo(bob);
    assertThat(storage.alerts().acknowledge(carol)).isEqualTo(bob);
    reopen();
    assertThat(storage.alerts().acknowledgement(id)).contains(bob);
  }

  @Test
  void recent_lists_newest_first() {
    storage.alerts().record(alert("one"));
    storage.alerts().record(alert("two"));

    assertThat(storage.alerts().recent(5))
        .extracting(Alert::dedupKey)
        .containsExactly("github:two", "github:one");
  }
}
