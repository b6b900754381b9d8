package dev.meister.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.status.Stage;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusPost;
import dev.meister.core.status.StatusPostStore;
import dev.meister.core.status.TaskSelector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DagStatusPageTest {
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final ChatRef ANNOUNCEMENTS = ChatRef.of(Platform.SLACK, "C0ANNOUNCE");

  private final Latest posts = new Latest();

  @Test
  void each_configured_dag_shows_its_latest_post_as_the_chat_sees_it() {
    posts.latest.put(
        "dagao",
        new StatusPost(
            "dagao",
            LocalDate.of(2026, 12, 2),
            ANNOUNCEMENTS,
            7,
            "1700000000.0001",
            "✅ Contracts were calculated and loaded",
            Instant.parse("2026-12-02T20:00:00Z"),
            Instant.parse("2026-12-02T12:05:00Z"),
            false));

    DagStatusPage page = DagStatusPage.of(List.of(board("dagao"), board("nightly")), posts);

    assertThat(page.boards())
        .first()
        .satisfies(
            b -> {
              assertThat(b.name()).isEqualTo("dagao");
              assertThat(b.dagId()).isEqualTo("prod-dagao");
              assertThat(b.airflow()).isEqualTo("prod");
              assertThat(b.day()).contains("2026-12-02");
              assertThat(b.chat()).contains("slack:C0ANNOUNCE");
              assertThat(b.updated()).contains("Wed 2 Dec 09:05 BRT");
              assertThat(b.following()).isTrue();
              assertThat(b.text()).contains("✅ Contracts were calculated and loaded");
            });
  }

  @Test
  void a_dag_without_a_post_yet_is_listed_with_nothing_to_show() {
    DagStatusPage page = DagStatusPage.of(List.of(board("nightly")), posts);

    DagStatusPage.Board b = page.boards().get(0);
    assertThat(b.text()).isEmpty();
    assertThat(b.day()).isEmpty();
    assertThat(b.following()).isFalse();
  }

  private static StatusBoard board(String name) {
    return new StatusBoard(
        name,
        "prod-" + name,
        "prod",
        List.of(new Stage("Contracts", List.of(TaskSelector.of("itaipu-contracts")), List.of())),
        SAO_PAULO);
  }

  /** Only {@link #latest} is read by the page. */
  private static final class Latest implements StatusPostStore {
    final Map<String, StatusPost> latest = new HashMap<>();

    @Override
    public Optional<StatusPost> find(String board, LocalDate day, ChatRef chat) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void create(StatusPost post) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void update(StatusPost post) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<StatusPost> active() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StatusPost> latest(String board) {
      return Optional.ofNullable(latest.get(board));
    }
  }
}
