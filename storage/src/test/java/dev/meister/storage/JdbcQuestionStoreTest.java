package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.question.NewQuestion;
import dev.meister.core.question.Question;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The V20 questions asked in chat: tracked once per message, found by their answer, closed once.
 */
class JdbcQuestionStoreTest extends StorageTestBase {
  private static final RotationId HAUS = RotationId.of("hausmeister");
  private static final ChatRef HELP = ChatRef.of(Platform.SLACK, "C0HELP");
  private static final MessageRef ASKED = new MessageRef(HELP, "1700000000.000100");

  private NewQuestion question(MessageRef asked) {
    return new NewQuestion(
        HAUS, asked, "Carol Client", "is ohlcv late today?", NOW, Optional.of(MemberId.of("bob")));
  }

  @Test
  void a_question_is_tracked_once_per_message_and_survives_a_restart() {
    Optional<Long> first = storage.questions().open(question(ASKED));
    Optional<Long> again = storage.questions().open(question(ASKED));

    reopen();

    assertThat(first).isPresent();
    assertThat(again).as("a repeated delivery tracks nothing new").isEmpty();
    assertThat(storage.questions().openFor(HAUS))
        .containsExactly(
            new Question(
                first.get(),
                HAUS,
                ASKED,
                "Carol Client",
                "is ohlcv late today?",
                NOW,
                Optional.empty()));
  }

  @Test
  void the_question_is_found_by_its_own_message_and_by_the_delivered_answer() {
    long id = storage.questions().open(question(ASKED)).orElseThrow();
    long answer =
        storage.outbox().enqueue(PendingMessage.reply(ASKED, OutgoingMessage.plain("Noted"), null));
    storage.questions().answeredBy(id, answer);
    MessageRef sent =
        new MessageRef(
            new ChatRef(Platform.SLACK, "C0HELP", ASKED.messageId()), "1700000001.000200");

    assertThat(storage.questions().forMessage(sent)).as("not delivered yet").isEmpty();
    storage.outbox().delivered(answer, sent, NOW);

    assertThat(storage.questions().forMessage(sent)).map(Question::id).contains(id);
    assertThat(storage.questions().forMessage(ASKED)).map(Question::id).contains(id);
    assertThat(storage.questions().forMessage(new MessageRef(HELP, "other"))).isEmpty();
  }

  @Test
  void a_question_closes_once_and_leaves_the_open_list() {
    long id = storage.questions().open(question(ASKED)).orElseThrow();
    long other = storage.questions().open(question(new MessageRef(HELP, "2"))).orElseThrow();

    assertThat(storage.questions().close(id, "Alice Doe", NOW.plusSeconds(60))).isTrue();
    assertThat(storage.questions().close(id, "Bob", NOW.plusSeconds(90))).isFalse();

    assertThat(storage.questions().openFor(HAUS)).extracting(Question::id).containsExactly(other);
    assertThat(storage.questions().find(id).orElseThrow().closed())
        .contains(new Question.Closure("Alice Doe", NOW.plusSeconds(60)));
    assertThat(storage.questions().openFor(RotationId.of("dagmeister"))).isEmpty();
  }
}
