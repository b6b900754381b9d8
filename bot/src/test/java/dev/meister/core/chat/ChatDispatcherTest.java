package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.core.delivery.OutboxReplies;
import dev.meister.core.delivery.OutboxWorker;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import dev.meister.core.team.Team;
import dev.meister.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChatDispatcherTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.CONSOLE, "console");

  private final Team team =
      new Team(
          List.of(
              new Member(
                  MemberId.of("alice"),
                  "Alice",
                  new ChatIdentities("alice_tg", 42L, null, null),
                  "alice-gh",
                  Set.of(Role.TEAM_LEAD))));
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ConsoleChatPort port =
      new ConsoleChatPort(
          new PrintStream(out, true, StandardCharsets.UTF_8), team, new AtomicLong());
  private final List<ChatEvent> others = new ArrayList<>();
  private final ChatRoutes routes =
      new ChatRoutes().reply(reply -> true, "members only", (reply, member) -> others.add(reply));

  /** Commands register through the routes; the tests below add theirs to this view of them. */
  private final Registry registry = new Registry(routes);

  @TempDir Path dir;
  private Storage storage;
  private ChatDispatcher dispatcher;
  private OutboxWorker worker;

  @BeforeEach
  void open() {
    storage = Storage.open(dir.resolve("meister.db"), Clock.systemUTC());
    ChatPorts ports = new ChatPorts(List.of(port));
    dispatcher =
        new ChatDispatcher(
            routes,
            new MemberResolver(team),
            ports,
            new OutboxReplies(storage.outbox()),
            storage.database(),
            sender -> false);
    worker = new OutboxWorker(storage.outbox(), ports, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    storage.close();
  }

  /** The few registry calls these tests make, onto the routes. */
  private record Registry(ChatRoutes routes) {
    Registry register(CommandHandler handler) {
      routes.command(handler);
      return this;
    }
  }

  @Test
  void unknown_commands_get_a_short_help_line() {
    dispatcher.handle(command("alice", "frobnicate"));

    assertThat(lastReply()).isEqualTo("Unknown command /frobnicate. Try /help.");
  }

  @Test
  void help_lists_every_registered_command() {
    registry.register(new HelpCommand(routes.commands())).register(new Echo(false));

    dispatcher.handle(command("alice", "help"));

    assertThat(lastReply())
        .isEqualTo(
            "Meister commands\n/help — every command and what it does\n/echo WORDS — repeats the words");
  }

  @Test
  void state_changing_commands_are_refused_to_people_outside_the_team() {
    registry.register(new Echo(true));

    dispatcher.handle(command("mallory", "echo", "hi"));

    assertThat(lastReply()).isEqualTo("Sorry, only members of the team can use /echo.");
  }

  @Test
  void team_members_may_run_state_changing_commands() {
    registry.register(new Echo(true));

    dispatcher.handle(command("alice", "echo", "hi", "there"));

    assertThat(lastReply()).isEqualTo("hi there");
  }

  @Test
  void a_bad_argument_is_answered_with_its_message() {
    registry.register(new Echo(false));

    dispatcher.handle(command("alice", "echo"));

    assertThat(lastReply()).isEqualTo("Usage: /echo WORDS");
  }

  @Test
  void a_failure_is_answered_with_an_error_id_and_no_stack_trace() {
    registry.register(new Echo(false));

    dispatcher.handle(command("alice", "echo", "boom"));

    assertThat(lastReply())
        .matches(
            "Sorry, that failed on my side \\(error [0-9a-f]{8}\\)\\. The logs have the details\\.")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void replies_and_button_presses_go_to_the_other_handler() {
    ChatEvent.Reply reply =
        new ChatEvent.Reply(
            CHAT, sender("alice"), new MessageRef(CHAT, "9"), "looking", new MessageRef(CHAT, "1"));

    dispatcher.handle(reply);

    worker.deliverDue();
    assertThat(others).containsExactly(reply);
    assertThat(port.posted()).isEmpty();
  }

  /** The last message the chat got, once the outbox delivered what the dispatcher queued. */
  private String lastReply() {
    worker.deliverDue();
    List<ConsoleChatPort.PostedMessage> posted = port.posted();
    assertThat(posted).isNotEmpty();
    return posted.get(posted.size() - 1).text();
  }

  private static ChatEvent.Command command(String user, String name, String... args) {
    return new ChatEvent.Command(
        CHAT, sender(user), new MessageRef(CHAT, "100"), name, List.of(args), null);
  }

  private static Sender sender(String user) {
    return new Sender(Platform.CONSOLE, user, user, user);
  }

  /** A command that repeats its words; "boom" makes it fail unexpectedly. */
  private static final class Echo implements CommandHandler {
    private final boolean changesState;

    Echo(boolean changesState) {
      this.changesState = changesState;
    }

    @Override
    public String name() {
      return "echo";
    }

    @Override
    public String usage() {
      return "/echo WORDS";
    }

    @Override
    public String summary() {
      return "repeats the words";
    }

    @Override
    public boolean changesState() {
      return changesState;
    }

    @Override
    public CommandReply handle(CommandRequest request) {
      if (request.args().isEmpty()) {
        throw new IllegalArgumentException("Usage: " + usage());
      }
      if (request.args().contains("boom")) {
        throw new IllegalStateException("kaput");
      }
      return CommandReply.plain(String.join(" ", request.args()));
    }
  }
}
