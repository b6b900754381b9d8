package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.status.StatusPost;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JdbcStatusPostStoreTest extends StorageTestBase {
  private static final ChatRef DATA = new ChatRef(Platform.TELEGRAM, "-100001", "42");
  private static final ChatRef OTHER = ChatRef.of(Platform.TELEGRAM, "-100002");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  private StatusPost post(ChatRef chat) {
    long id =
        storage
            .outbox()
            .enqueue(PendingMessage.post(chat, OutgoingMessage.plain("dagao: running"), null));
    return new StatusPost(
        "dagao", DAY, chat, id, null, "dagao: running", NOW.plusSeconds(3600), NOW, false);
  }

  @Test
  void a_post_is_found_by_board_day_and_chat_with_no_message_until_delivered() {
    StatusPost post = post(DATA);

    storage.statusPosts().create(post);

    assertThat(storage.statusPosts().find("dagao", DAY, DATA)).contains(post);
    assertThat(storage.statusPosts().find("dagao", DAY, OTHER)).isEmpty();
    assertThat(storage.statusPosts().find("dagao", DAY.plusDays(1), DATA)).isEmpty();
  }

  @Test
  void the_delivered_message_id_comes_from_the_outbox_and_survives_a_restart() {
    StatusPost post = post(DATA);
    storage.statusPosts().create(post);
    storage.outbox().delivered(post.outboxId(), new MessageRef(DATA, "777"), NOW);

    reopen();

    assertThat(storage.statusPosts().active())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains(new MessageRef(DATA, "777")));
  }

  @Test
  void a_second_post_for_the_same_day_and_chat_is_ignored() {
    StatusPost first = post(DATA);
    storage.statusPosts().create(first);

    storage.statusPosts().create(post(DATA));

    assertThat(storage.statusPosts().active()).containsExactly(first);
  }

  @Test
  void an_update_stores_the_poll_and_a_finished_post_is_no_longer_active() {
    StatusPost post = post(DATA);
    StatusPost other = post(OTHER);
    storage.statusPosts().create(post);
    storage.statusPosts().create(other);

    storage.statusPosts().update(post.polled(NOW.plusSeconds(60), "dagao: done", true));
    storage.statusPosts().update(other.polled(NOW.plusSeconds(60), "dagao: later", false));

    assertThat(storage.statusPosts().active())
        .containsExactly(other.polled(NOW.plusSeconds(60), "dagao: later", false));
    assertThat(storage.statusPosts().find("dagao", DAY, DATA))
        .contains(post.polled(NOW.plusSeconds(60), "dagao: done", true));
  }

  @Test
  void the_latest_post_of_a_board_is_the_newest_day_and_of_that_day_the_last_polled() {
    StatusPost yesterday = post(DATA, "dagao", DAY.minusDays(1));
    StatusPost early = post(DATA, "dagao", DAY);
    StatusPost late = post(OTHER, "dagao", DAY);
    StatusPost elsewhere = post(DATA, "nightly", DAY.plusDays(1));
    for (StatusPost p : java.util.List.of(yesterday, early, late, elsewhere)) {
      storage.statusPosts().create(p);
    }
    storage.statusPosts().update(early.polled(NOW.plusSeconds(60), "dagao: early", true));
    storage.statusPosts().update(late.polled(NOW.plusSeconds(120), "dagao: late", false));

    assertThat(storage.statusPosts().latest("dagao"))
        .contains(late.polled(NOW.plusSeconds(120), "dagao: late", false));
    assertThat(storage.statusPosts().latest("nightly")).contains(elsewhere);
    assertThat(storage.statusPosts().latest("unknown")).isEmpty();
  }

  private StatusPost post(ChatRef chat, String board, LocalDate day) {
    long id =
        storage
            .outbox()
            .enqueue(PendingMessage.post(chat, OutgoingMessage.plain(board + ": running"), null));
    return new StatusPost(
        board, day, chat, id, null, board + ": running", NOW.plusSeconds(3600), NOW, false);
  }
}
