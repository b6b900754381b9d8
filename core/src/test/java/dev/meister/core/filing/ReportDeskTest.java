package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** {@code /issue new [LEVEL] TITLE}: what it queues and what it refuses. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportDeskTest {
  private static final Instant T = Instant.parse("2026-11-18T09:00:00Z");
  private static final RotationId HAUSMEISTER = RotationId.of("hausmeister");
  private static final ChatRef ALARMS = ChatRef.of(Platform.SLACK, "C51LWJ0SK");
  private static final Member BOB =
      new Member(MemberId.of("bob"), "Bob", ChatIdentities.none(), null, Set.of(Role.MEMBER));

  /** Seed 001's scale, highest first. */
  private static final PriorityScale SCALE = new PriorityScale(List.of("P4", "P3", "P2", "P1"));

  private final RecordingReports reports = new RecordingReports();

  // Seed 001, triage: "create an itaipu issue tagged with `bug` and `data-infra` and a priority".
  @Test
  void a_level_then_a_title_queues_the_report_for_the_chats_rotation_at_that_priority() {
    String note = desk(true).request(words("P3 Contracts load is slow"), in(ALARMS), BOB);

    assertThat(note).isEqualTo("Filing “Contracts load is slow” as P3…");
    assertThat(reports.queued)
        .containsExactly(
            "hausmeister|Contracts load is slow|Optional[P3]|bob|" + ALARMS.chatId() + "|" + T);
  }

  @Test
  void without_a_level_the_whole_text_is_the_title_and_the_rule_decides_the_priority() {
    desk(true).request(words("p2p sync fails"), in(ALARMS), BOB);

    assertThat(reports.queued)
        .singleElement()
        .asString()
        .contains("|p2p sync fails|Optional.empty|");
  }

  @Test
  void a_level_off_the_scale_is_refused_with_the_scale_and_nothing_is_queued() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> desk(true).request(words("P7 Contracts load"), in(ALARMS), BOB))
        .withMessage("'P7' is not a priority of P4, P3, P2, P1; /issue new [LEVEL] TITLE.");
    assertThat(reports.queued).isEmpty();
  }

  @Test
  void a_level_without_a_title_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> desk(true).request(words("P3"), in(ALARMS), BOB))
        .withMessage(
            "Give the issue a title: /issue new [LEVEL] TITLE, e.g. /issue new P3 Contracts load"
                + " is slow.");
  }

  @Test
  void a_thread_of_the_rotations_chat_is_its_chat_and_another_chat_is_refused() {
    desk(true)
        .request(
            words("Slow"), in(new ChatRef(Platform.SLACK, ALARMS.chatId(), "1700000000.1")), BOB);

    assertThat(reports.queued).hasSize(1);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> desk(true).request(words("Slow"), in(ChatRef.of(Platform.SLACK, "C0OTHER")), BOB))
        .withMessage(
            "Say /issue new in a rotation's chat, so I know whose labels and on-call to use.");
  }

  @Test
  void without_a_github_token_it_says_filing_is_off() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> desk(false).request(words("P3 Slow"), in(ALARMS), BOB))
        .withMessageStartingWith("Issue filing is off: no GitHub token is set");
  }

  private ReportDesk desk(boolean enabled) {
    return new ReportDesk(
        enabled,
        reports,
        List.of(),
        Map.of(HAUSMEISTER, ALARMS),
        SCALE,
        Clock.fixed(T, ZoneOffset.UTC));
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.split(" "));
  }

  private static MessageRef in(ChatRef chat) {
    return new MessageRef(chat, "m1");
  }

  /** Keeps what was queued, one line each; the worker's side is not used here. */
  private static final class RecordingReports implements IssueReports {
    final List<String> queued = new ArrayList<>();

    @Override
    public long enqueue(
        RotationId rotation,
        String title,
        Optional<String> priority,
        MemberId requestedBy,
        MessageRef answerUnder,
        Instant at) {
      queued.add(
          String.join(
              "|",
              rotation.value(),
              title,
              priority.toString(),
              requestedBy.value(),
              answerUnder.chat().chatId(),
              at.toString()));
      return queued.size();
    }

    @Override
    public List<IssueReport> due(Instant now, int limit) {
      return List.of();
    }

    @Override
    public Optional<Instant> nextAttempt() {
      return Optional.empty();
    }

    @Override
    public void filed(long id, IssueRef issue, long answer, Instant at) {}

    @Override
    public Optional<IssueRef> filedIssueAnsweredBy(MessageRef message) {
      return Optional.empty();
    }

    @Override
    public void resolve(IssueRef issue, String reason, String solution, MemberId by, Instant at) {}

    @Override
    public void retryLater(long id, Instant notBefore, String error) {}

    @Override
    public void failed(long id, String error, Instant at) {}
  }
}
