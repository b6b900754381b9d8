package dev.meister.core.status;

import static dev.meister.core.status.StatusMessagesTest.NOW;
import static dev.meister.core.status.StatusMessagesTest.dagao;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusCommandTest {
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A source that answers with the run and tasks it holds, or throws what it is given. */
  static final class FixedSource implements DagRunSource {
    private final Optional<DagRun> run;
    private final List<TaskRun> tasks;
    private final @Nullable RunSourceException failure;

    FixedSource(Optional<DagRun> run, List<TaskRun> tasks, @Nullable RunSourceException failure) {
      this.run = run;
      this.tasks = tasks;
      this.failure = failure;
    }

    static FixedSource of(DagRun run, List<TaskRun> tasks) {
      return new FixedSource(Optional.of(run), tasks, null);
    }

    @Override
    public Optional<DagRun> latestRun(String dagId) {
      RunSourceException f = failure;
      if (f != null) {
        throw f;
      }
      return run;
    }

    @Override
    public List<DagRun> runsDueSince(String dagId, java.time.Instant since) {
      return latestRun(dagId).stream().toList();
    }

    @Override
    public DagRun run(String dagId, String runId) {
      return run.orElseThrow();
    }

    @Override
    public List<TaskRun> taskRuns(String dagId, String runId) {
      return tasks;
    }
  }

  private static CommandRequest request(String... args) {
    ChatRef chat = ChatRef.of(Platform.CONSOLE, "console");
    return new CommandRequest(
        new ChatEvent.Command(
            chat,
            new Sender(Platform.CONSOLE, "someone", null, "Someone"),
            new MessageRef(chat, "1"),
            "status",
            List.of(args),
            null),
        null);
  }

  private static StatusCommand command(DagRunSource source) {
    return new StatusCommand(List.of(dagao()), new StatusReader(Map.of("prod", source), CLOCK));
  }

  @Test
  void status_answers_with_the_post_of_the_named_dag_or_status_post() {
    StatusCommand command =
        command(
            FixedSource.of(
                StatusMessagesTest.run(RunState.RUNNING),
                StatusMessagesTest.tasks("itaipu-contracts", "success")));

    String byDag = command.handle(request("prod-dagao")).message().text().plainText();
    String byName = command.handle(request("dagao")).message().text().plainText();

    assertThat(byDag)
        .isEqualTo(byName)
        .contains(":white_check_mark: Contracts")
        .contains(":warning: Financial Reports: no such task in this run (finance)");
  }

  @Test
  void an_unknown_dag_is_answered_with_the_configured_ones() {
    StatusCommand command =
        command(FixedSource.of(StatusMessagesTest.run(RunState.RUNNING), List.of()));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> command.handle(request("nope")))
        .withMessage("no status post for 'nope'; configured: dagao");
  }

  @Test
  void airflow_failing_is_answered_in_words_not_an_error() {
    StatusCommand command =
        command(
            new FixedSource(
                Optional.empty(),
                List.of(),
                new RunSourceException(
                    RunSourceException.Reason.REFUSED,
                    "Airflow 'prod' at a.example refused the request (HTTP 403)")));

    String text = command.handle(request()).message().text().plainText();

    assertThat(text)
        .isEqualTo(
            "dagao\n:warning: Cannot read the run from Airflow (07:00 BRT):"
                + " Airflow 'prod' at a.example refused the request (HTTP 403)");
  }

  @Test
  void a_dag_that_never_ran_says_so() {
    StatusCommand command = command(new FixedSource(Optional.empty(), List.of(), null));

    assertThat(command.handle(request()).message().text().plainText())
        .contains("DAG prod-dagao has no runs yet");
  }
}
