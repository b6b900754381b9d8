package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.property.Attendee;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.app.ChatHarness.Kind;
import dev.meister.bot.app.ChatHarness.Person;
import dev.meister.bot.app.ChatHarness.Sent;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.Secret;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.chat.Attachment;
import dev.meister.core.schedule.ScheduleRequests;
import dev.meister.testing.MutableClock;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows every chat adapter must carry the same way, end to end through the real runtime
 * (config, SQLite, outbox, pipeline) and each platform's fake: a failed build posted with a mention
 * and a button, acknowledged by button, by reply and by {@code /ack}, filed as a GitHub issue (a
 * fake GitHub API on loopback), overrides and swaps, hand-offs, runbook actions (🛠 Actions,
 * preview, confirmation, approval, {@code /action}, {@code /audit}), the read-only commands, and
 * the refusal of people outside the team. One subclass per adapter supplies a {@link ChatHarness};
 * a new flow is one more test method here, written against the harness alone.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class ChatAdapterContract {
  private static final String GITHUB_SECRET = "hook-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Wednesday: Bob has the Buildmeister shift (roster bob, alice from Monday 16 Nov). */
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  /** The run of the workflow_run fixture that {@link #alert()} posts. */
  private static final long RUN = 289782451L;

  /** Copies of shared/fixtures/github/logs, on the test classpath. */
  private static final Path LOGS =
      Path.of(
          java.net.URI.create(
              java.util.Objects.requireNonNull(
                      ChatAdapterContract.class.getResource("/fixtures/github/logs/"))
                  .toString()));

  @TempDir Path dir;
  ChatHarness chat;
  Meister meister;
  BotRuntime runtime;
  final MutableClock clock = new MutableClock(NOW);
  private WebhookServer webhooks;
  private final HttpClient http = HttpClient.newHttpClient();
  private dev.meister.bot.airflow.FakeAirflow airflow;
  private FakeGitHub github;
  private final FakeRunActions actions = new FakeRunActions();

  abstract ChatHarness harness() throws Exception;

  @BeforeEach
  void start() throws Exception {
    chat = harness();
    airflow = dev.meister.bot.airflow.FakeAirflow.v1Failed();
    github = new FakeGitHub();
    github.run(
        RUN,
        List.of(
            new FakeGitHub.Job(
                RUN * 10,
                "test",
                "failure",
                "Run mvn",
                Files.readString(LOGS.resolve("maven-surefire-one-root-cause.failure.log")))));
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001, slack: U0ALICE, discord: "100000000000000001", github: alice-gh, roles: [team_lead] }
            bob:   { name: Bob Stone, telegram: bobs, telegram_id: 100002, slack: U0BOB, discord: "100000000000000002", github: bob-gh }
        rotations:
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [bob, alice]
            chat: %s/alerts
            help_channels: %s/alerts
        chats:
        %s
        shift_reminders:
          buildmeister: { before: 1d, meeting: 30m }
        routes:
          - name: builds
            match: { source: github }
            rotation: buildmeister
            actions: { allow: [rerun-failed, rerun], approval: { rerun: team_lead } }
        airflow:
          legacy: { url: %s, api: v1 }
        status_posts:
          - dag: prod-dagao
            stages:
              - { name: Contracts, calculate: itaipu-contracts }
              - { name: Financial Reports, calculate: finance }
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
          repo: acme/issues
          labels: [build]
        web:
          base_url: https://oncall.example
        """
            .formatted(
                chat.adapter(), chat.adapter(), chat.chatsYaml(), airflow.url(), github.apiUrl()));
    Map<String, String> env = new HashMap<>(chat.env());
    env.put("GITHUB_TOKEN", "ghp_contract");
    MeisterConfig cfg = new ConfigLoader(env).load(file, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    runtime =
        new BotRuntime(
            meister, chat.ports(cfg), clock, dev.meister.bot.github.Sleeper.REAL, actions);
    runtime.start(
        Start.none()
            .withWebhooks(
                new ServerConfig("127.0.0.1", 0, Secret.of(GITHUB_SECRET), Secret.absent(), false))
            .withEndpoints(chat.connect(runtime.dispatcher(), clock)));
    webhooks = runtime.webhooks().orElseThrow();
    chat.webhooksAt(webhooks.port());
  }

  @AfterEach
  void stop() throws Exception {
    chat.close();
    runtime.close();
    meister.close();
    airflow.close();
    github.close();
  }

  @Test
  void a_failed_build_is_posted_to_the_routed_chat_mentioning_the_on_call_with_a_looking_button()
      throws Exception {
    Sent alert = alert();

    assertThat(alert.kind()).isEqualTo(Kind.POST);
    assertThat(alert.text()).contains("Build fail - octo-repo test (163)");
    assertThat(alert.mentions()).contains(chat.identity(Person.BOB));
    assertThat(alert.buttons()).hasSize(3);
    assertThat(alert.buttons().get(0)).matches("ack:\\d+");
    assertThat(alert.buttons().get(1)).matches(AlertMessages.ISSUE_ACTION + ":\\d+");
    assertThat(alert.buttons().get(2)).matches("actions:\\d+");
  }

  @Test
  void pressing_looking_acknowledges_the_alert_edits_it_and_says_so_under_it() throws Exception {
    Sent alert = alert();

    chat.press(alert, Person.BOB, "ack");
    Sent edit = awaitSent("the alert edited", s -> s.kind() == Kind.EDIT);
    Sent reply =
        awaitSent(
            "the ack under the alert",
            s -> s.kind() == Kind.REPLY && s.text().contains("is looking into this"));

    assertThat(edit.id()).isEqualTo(alert.id());
    assertThat(edit.text()).contains("Bob Stone is looking into this");
    // The alert's own buttons go; 🛠 Actions stays for whoever is looking into it.
    assertThat(edit.buttons()).singleElement().asString().startsWith("actions:");
    assertThat(reply.under()).isEqualTo(alert.id());
    assertThat(reply.mentions()).contains(chat.identity(Person.BOB));
    await("the press answered", () -> chat.answers().contains("Thanks, noted."));
  }

  @Test
  void replying_looking_under_the_alert_acknowledges_it() throws Exception {
    Sent alert = alert();

    String replyId = chat.reply(alert, Person.ALICE, "looking");
    Sent edit = awaitSent("the alert edited", s -> s.kind() == Kind.EDIT);
    Sent answer =
        awaitSent(
            "the ack answered",
            s -> s.kind() == Kind.REPLY && s.text().contains("is looking into this"));

    assertThat(edit.id()).isEqualTo(alert.id());
    assertThat(edit.text()).contains("Alice Doe is looking into this");
    assertThat(answer.under()).isIn(alert.id(), replyId);
    assertThat(answer.mentions()).contains(chat.identity(Person.ALICE));
  }

  @Test
  void a_second_taker_is_told_who_already_has_the_alert() throws Exception {
    Sent alert = alert();
    chat.press(alert, Person.BOB, "ack");
    awaitSent("the alert edited", s -> s.kind() == Kind.EDIT);

    chat.reply(alert, Person.ALICE, "on it");

    Sent told =
        awaitSent(
            "the second taker told",
            s -> s.text().startsWith("Bob Stone is already looking into this"));
    assertThat(told.kind()).isEqualTo(Kind.REPLY);
  }

  @Test
  void ack_with_the_alert_number_acknowledges_it_from_anywhere_in_the_chat() throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.command(Person.ALICE, "/ack " + number);

    Sent edit = awaitSent("the alert edited", s -> s.kind() == Kind.EDIT);
    assertThat(edit.id()).isEqualTo(alert.id());
    assertThat(edit.text()).contains("Alice Doe is looking into this");
  }

  @Test
  void whoisoncall_names_the_on_call_and_the_end_of_the_shift() throws Exception {
    chat.command(Person.ALICE, "/whoisoncall buildmeister");

    Sent answer = awaitSent("the answer", s -> s.text().contains("Buildmeister"));
    assertThat(answer.text()).contains("Bob Stone until Mon 30 Nov 11:00 CET");
  }

  @Test
  void schedule_lists_the_coming_shifts() throws Exception {
    chat.command(Person.BOB, "/schedule buildmeister 2");

    Sent answer = awaitSent("the schedule", s -> s.text().contains("Buildmeister schedule"));
    assertThat(answer.text())
        .contains("Mon 16 Nov 11:00 CET → Mon 30 Nov 11:00 CET  Bob Stone")
        .contains("Mon 30 Nov 11:00 CET → Mon 14 Dec 11:00 CET  Alice Doe");
  }

  @Test
  void help_lists_the_commands_and_an_unknown_command_points_to_it() throws Exception {
    chat.command(Person.BOB, "/help");
    chat.command(Person.BOB, "/frobnicate");

    assertThat(awaitSent("help", s -> s.text().contains("Meister commands")).text())
        .contains("/whoisoncall")
        .contains("/ack");
    awaitSent("unknown", s -> s.text().contains("Unknown command /frobnicate. Try /help."));
  }

  @Test
  void someone_outside_the_team_can_neither_press_looking_nor_use_ack() throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.press(alert, Person.OUTSIDER, "ack");
    await(
        "the press refused",
        () -> chat.answers().contains("Only members of the team can acknowledge alerts."));
    chat.command(Person.OUTSIDER, "/ack " + number);
    awaitSent(
        "the command refused",
        s -> s.text().contains("Sorry, only members of the team can use /ack."));

    assertThat(chat.sent()).noneMatch(s -> s.kind() == Kind.EDIT);
    assertThat(meister.storage().alerts().count()).isEqualTo(1);
  }

  @Test
  void someone_outside_the_team_may_still_ask_who_is_on_call() throws Exception {
    chat.command(Person.OUTSIDER, "/whoisoncall buildmeister");

    awaitSent("the answer", s -> s.text().contains("Bob Stone until"));
  }

  @Test
  void at_the_shift_boundary_both_sides_confirm_the_handoff_by_command() throws Exception {
    Sent announcement = handoffAnnounced();

    chat.command(Person.BOB, "/handoff buildmeister");
    awaitSent("the outgoing side confirmed", s -> s.text().contains("handed Buildmeister over"));
    chat.command(Person.ALICE, "/handoff accept buildmeister");

    Sent done = awaitSent("the hand-off complete", s -> s.text().contains("Hand-off complete"));
    assertThat(done.mentions()).contains(chat.identity(Person.ALICE));
    assertThat(announcement.mentions())
        .contains(chat.identity(Person.BOB), chat.identity(Person.ALICE));
  }

  @Test
  void at_the_shift_boundary_both_sides_confirm_the_handoff_by_button() throws Exception {
    Sent announcement = handoffAnnounced();
    String accept = announcement.buttons().get(1);
    String handedOver = announcement.buttons().get(0);

    chat.press(announcement, Person.BOB, accept.substring(0, accept.indexOf(':')));
    await(
        "only the incoming side may accept",
        () -> chat.answers().contains("Only alice can accept this hand-off."));
    chat.press(announcement, Person.BOB, handedOver.substring(0, handedOver.indexOf(':')));
    chat.press(announcement, Person.ALICE, accept.substring(0, accept.indexOf(':')));

    awaitSent("the hand-off complete", s -> s.text().contains("Hand-off complete"));
    await("the last press answered", () -> chat.answers().contains("Hand-off complete."));
  }

  @Test
  void status_shows_where_the_latest_dag_run_stands() throws Exception {
    chat.command(Person.BOB, "/status prod-dagao");

    Sent answer = awaitSent("the status", s -> s.text().contains("prod-dagao run of"));
    assertThat(answer.text())
        .contains("Sun 22 Nov 02:00 UTC: failed")
        .contains("Financial Reports failed: finance failed");
  }

  @Test
  void a_swap_asked_with_a_picked_mention_takes_effect_once_the_other_side_accepts()
      throws Exception {
    chat.command(Person.BOB, "/swap " + chat.mentionTyped(Person.ALICE) + " buildmeister");
    Sent question = awaitSent("the swap asked", s -> s.text().contains("asks to swap shifts"));
    assertThat(question.mentions()).contains(chat.identity(Person.ALICE));

    chat.command(Person.ALICE, "/swap accept 1");

    awaitSent("the swap done", s -> s.text().contains("swapped"));
  }

  @Test
  void pressing_file_issue_files_it_on_github_and_links_it_under_the_alert() throws Exception {
    Sent alert = alert();

    chat.press(alert, Person.BOB, AlertMessages.ISSUE_ACTION);

    assertIssueFiledUnder(alert);
    await(
        "the press answered",
        () -> chat.answers().stream().anyMatch(a -> a.startsWith("Filing an issue for alert #")));
  }

  @Test
  void replying_issue_to_the_alert_files_it_on_github_and_links_it_under_the_alert()
      throws Exception {
    // Slack refuses slash commands in threads; there the button above is the way.
    Assumptions.assumeTrue(chat.commandsCanReply(), "this chat sends no commands as replies");
    Sent alert = alert();

    chat.commandReplying(alert, Person.ALICE, "/issue");

    assertIssueFiledUnder(alert);
    awaitSent("the command answered", s -> s.text().startsWith("Filing an issue for alert #"));
  }

  @Test
  void a_question_mentioning_the_bot_in_a_help_channel_tags_the_on_call_until_a_member_closes_it()
      throws Exception {
    // Seed 001, "support our clients": anyone may ask; only members close it.
    String asked = chat.mention(Person.OUTSIDER, "is the nightly build late today?");

    Sent noted = awaitSent("the question noted", s -> s.text().contains("Noted"));
    assertThat(noted.kind()).isEqualTo(Kind.REPLY);
    assertThat(noted.under()).isEqualTo(asked);
    assertThat(noted.mentions()).contains(chat.identity(Person.BOB));
    assertThat(noted.text()).contains("will look (Buildmeister on call)").contains("Q1");
    assertThat(noted.buttons()).containsExactly("q_done:1");

    chat.press(noted, Person.OUTSIDER, "q_done");
    await(
        "the outsider refused",
        () -> chat.answers().stream().anyMatch(a -> a.contains("only members of the team")));
    chat.press(noted, Person.ALICE, "q_done");

    Sent closed =
        awaitSent("the question closed", s -> s.text().contains("Q1 closed by Alice Doe"));
    assertThat(closed.kind()).isEqualTo(Kind.REPLY);
    assertThat(closed.under()).isEqualTo(asked);
    await("the press answered", () -> chat.answers().contains("Closed Q1."));
  }

  @Test
  void issues_lists_the_open_questions_and_done_with_a_number_closes_one() throws Exception {
    chat.mention(Person.OUTSIDER, "who owns the contracts DAG?");
    awaitSent("the question noted", s -> s.text().contains("Noted"));

    chat.command(Person.ALICE, "/issues buildmeister");
    Sent list = awaitSent("the list", s -> s.text().contains("Open questions (1)"));
    assertThat(list.text())
        .contains("Q1 from")
        .contains("“")
        .contains("who owns the contracts DAG?");

    chat.command(Person.OUTSIDER, "/done Q1");
    awaitSent(
        "the outsider refused", s -> s.text().contains("only members of the team can use /done"));
    chat.command(Person.BOB, "/done Q1");
    awaitSent("the question closed", s -> s.text().contains("Q1 closed by Bob Stone"));
    chat.command(Person.ALICE, "/done Q1");
    awaitSent("told it was closed", s -> s.text().startsWith("Q1 was closed by Bob Stone"));
    chat.command(Person.ALICE, "/done Q9");
    awaitSent("no such question", s -> s.text().equals("There is no question Q9."));
  }

  @Test
  void triage_in_reply_to_a_message_tracks_it_and_done_in_reply_to_the_answer_closes_it()
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        chat.commandsCanReply(), "this chat has no commands in reply (a mention asks there)");
    chat.commandQuoting(
        "7001", Person.OUTSIDER, "the ohlcv table is empty", Person.ALICE, "/triage");

    Sent noted = awaitSent("the question noted", s -> s.text().contains("Noted"));
    assertThat(noted.under()).isEqualTo("7001");
    assertThat(noted.mentions()).contains(chat.identity(Person.BOB));

    chat.commandQuoting("7001", Person.OUTSIDER, "the ohlcv table is empty", Person.BOB, "/triage");
    awaitSent("a second triage", s -> s.text().equals("Already tracked as Q1 (open)."));

    chat.commandReplying(noted, Person.BOB, "/done");
    awaitSent("the question closed", s -> s.text().contains("Q1 closed by Bob Stone"));
  }

  @Test
  void issues_lists_the_rotations_open_issues_from_github() throws Exception {
    // Seed 002: "Regularly check issues that belong to the Epic".
    Sent alert = alert();
    chat.press(alert, Person.BOB, AlertMessages.ISSUE_ACTION);
    awaitSent("the issue filed", s -> s.kind() == Kind.REPLY && s.text().contains("Filed #9110"));

    chat.command(Person.ALICE, "/issues buildmeister");

    Sent answer = awaitSent("the list", s -> s.text().startsWith("Open issues of Buildmeister"));
    assertThat(answer.text()).contains("#9110").contains("bob-gh");
    assertThat(answer.links()).contains("https://github.com/acme/issues/issues/9110");
  }

  @Test
  void assign_with_the_alert_number_assigns_its_issue_on_github_and_an_unknown_member_is_refused()
      throws Exception {
    // Seed 002: "You can quickly discuss there who will take care of the broken tests, assign
    // that person".
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());
    chat.press(alert, Person.BOB, AlertMessages.ISSUE_ACTION);
    awaitSent("the issue filed", s -> s.kind() == Kind.REPLY && s.text().contains("Filed #9110"));

    chat.command(Person.BOB, "/assign #" + number + " @nobody");
    chat.command(Person.BOB, "/assign #" + number + " " + chat.mentionTyped(Person.ALICE));

    awaitSent("the refusal", s -> s.text().equals("'@nobody' is not a member of the team."));
    Sent done = awaitSent("the assignment", s -> s.text().startsWith("Assigned acme/issues#91"));
    assertThat(done.text()).contains(" to Alice Doe (alice-gh): https://github.com/acme/issues/");
    assertThat(github.received("POST", ".*/issues/\\d+/assignees"))
        .anySatisfy(r -> assertThat(r.body()).contains("alice-gh"))
        .noneSatisfy(r -> assertThat(r.body()).contains("nobody"));
  }

  // Seed 001: "Do not be afraid of asking the Level 2 for help"; this rotation has no Level 2, so
  // the team lead is pulled in.
  @Test
  void escalate_with_the_alert_number_tags_the_team_lead_and_marks_the_alert() throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.command(Person.BOB, "/escalate #" + number + " stuck on the proxy");

    Sent tag = awaitSent("the lead tagged", s -> s.text().contains("escalated alert " + number));
    Sent edit = awaitSent("the alert marked", s -> s.kind() == Kind.EDIT);
    assertThat(tag.mentions()).contains(chat.identity(Person.ALICE));
    assertThat(tag.text()).contains("Bob Stone escalated alert").contains(": stuck on the proxy");
    assertThat(edit.id()).isEqualTo(alert.id());
    assertThat(edit.text()).contains("Escalated to team lead Alice Doe by Bob Stone");
  }

  @Test
  void escalate_replying_to_the_alert_escalates_that_alert() throws Exception {
    // Slack refuses slash commands in threads; there the alert number is the way.
    Assumptions.assumeTrue(chat.commandsCanReply(), "this chat sends no commands as replies");
    Sent alert = alert();

    chat.commandReplying(alert, Person.BOB, "/escalate no progress after an hour");

    Sent tag = awaitSent("the lead tagged", s -> s.text().contains("escalated alert"));
    assertThat(tag.text()).contains(": no progress after an hour");
    assertThat(meister.storage().escalations().escalationOf(new dev.meister.core.chat.AlertId(1)))
        .isPresent();
  }

  @Test
  void escalate_without_an_alert_gets_one_line_and_an_outsider_is_refused() throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.command(Person.BOB, "/escalate");
    chat.command(Person.OUTSIDER, "/escalate #" + number);

    awaitSent(
        "the usage", s -> s.text().startsWith("Reply to an alert with /escalate [#ALERT] [NOTE]"));
    awaitSent(
        "the outsider refused",
        s -> s.text().contains("Sorry, only members of the team can use /escalate."));
    assertThat(chat.sent()).noneMatch(s -> s.kind() == Kind.EDIT);
  }

  // Seed 001, triage: "create an issue tagged with `bug` and `data-infra` and a priority".
  @Test
  void issue_new_files_what_came_from_no_alert_with_the_labels_priority_and_on_call()
      throws Exception {
    chat.command(Person.BOB, "/issue new P3 Invoices are late");
    awaitSent("the command answered", s -> s.text().equals("Filing “Invoices are late” as P3…"));

    runtime.duties().timekeeper().tick();

    Sent filed = awaitSent("the issue filed", s -> s.text().contains("Filed #9110"));
    assertThat(filed.text()).contains("Invoices are late");
    JsonNode issue = github.received("POST", "/api/v3/repos/acme/issues/issues").get(0).json();
    assertThat(issue.path("labels").toString()).isEqualTo("[\"build\",\"P3\"]");
    assertThat(github.issue("acme/issues", 9110).path("assignees").findValuesAsText("login"))
        .containsExactly("bob-gh");
  }

  @Test
  void issue_new_with_a_priority_off_the_scale_gets_one_line_and_files_nothing() throws Exception {
    chat.command(Person.BOB, "/issue new P9 Invoices are late");

    awaitSent("the refusal", s -> s.text().startsWith("'P9' is not a priority of P1, P2, P3, P4"));
    runtime.duties().timekeeper().tick();
    assertThat(github.received("POST", "/api/v3/repos/acme/issues/issues")).isEmpty();
  }

  // Issue #18: silences and snoozes in every chat.
  @Test
  void silence_posts_the_next_alert_without_pinging_and_silences_lists_it_until_unsilence()
      throws Exception {
    chat.command(Person.BOB, "/silence source=github 2h Deploy freeze");
    Sent set = awaitSent("the silence set", s -> s.text().contains("Silence #1 'Deploy freeze'"));
    assertThat(set.text()).contains("on source=github until Wed 25 Nov 12:00 CET (2h), set by Bob");

    Sent alert = alert();
    assertThat(alert.text()).contains("silenced by #1 'Deploy freeze'");
    assertThat(alert.mentions()).doesNotContain(chat.identity(Person.BOB));

    chat.command(Person.ALICE, "/silences");
    Sent list = awaitSent("the list", s -> s.text().contains("1 active silence:"));
    assertThat(list.text())
        .contains(
            "#1 'Deploy freeze' on source=github, set by Bob Stone at Wed 25 Nov 10:00 CET, ends"
                + " Wed 25 Nov 12:00 CET");

    chat.command(Person.ALICE, "/unsilence 1");
    awaitSent("the silence lifted", s -> s.text().contains("Silence #1 'Deploy freeze' lifted by"));
    assertThat(meister.storage().silences().activeAt(clock.instant())).isEmpty();
  }

  @Test
  void silence_with_bad_input_gets_one_line_and_an_outsider_may_not_silence() throws Exception {
    chat.command(Person.BOB, "/silence pipeline=ohlcv 2h");
    chat.command(Person.BOB, "/silence 2h everything");
    chat.command(Person.OUTSIDER, "/silence --all 1d");
    chat.command(Person.OUTSIDER, "/unsilence 1");

    awaitSent("unknown field", s -> s.text().startsWith("'pipeline' is not a match field; use"));
    awaitSent("everything", s -> s.text().startsWith("That would silence every alert; say so"));
    awaitSent(
        "the outsider refused",
        s -> s.text().contains("Sorry, only members of the team can use /silence."));
    awaitSent(
        "the outsider refused to unsilence",
        s -> s.text().contains("Sorry, only members of the team can use /unsilence."));
    assertThat(meister.storage().silences().find(1)).isEmpty();
  }

  @Test
  void top_lists_the_flakiest_tests_and_bad_input_gets_one_line() throws Exception {
    String test = "com.example.billing.InvoiceTest.roundsHalfEven";
    var runs = meister.storage().buildRuns();
    runs.record(
        new dev.meister.core.flaky.BuildRun(
            "github:flaky-1",
            "acme/widgets",
            ".github/workflows/test.yml",
            "master",
            "abc123",
            RUN,
            1,
            false,
            clock.instant(),
            Optional.empty(),
            List.of(test)));
    runs.record(
        new dev.meister.core.flaky.BuildRun(
            "github:flaky-2",
            "acme/widgets",
            ".github/workflows/test.yml",
            "master",
            "abc123",
            RUN,
            2,
            true,
            clock.instant(),
            Optional.empty(),
            List.of()));
    runs.recordPass(
        new dev.meister.core.flaky.FlakyPass(
            "acme/widgets",
            ".github/workflows/test.yml",
            "master",
            test,
            "abc123",
            Optional.empty(),
            2,
            clock.instant()));

    chat.command(Person.BOB, "/top");
    chat.command(Person.BOB, "/top soon");
    chat.command(Person.BOB, "/top 7 days");

    awaitSent(
        "the flakiest tests",
        s ->
            s.text().contains("Flakiest tests, last 30 days")
                && s.text().contains(test)
                && s.text()
                    .contains(
                        "(acme/widgets): passed on re-run once, failed 1 of the last 2 runs on"
                            + " master"));
    awaitSent(
        "a bad number",
        s -> s.text().equals("DAYS must be a number from 1 to 366. Usage: /top [DAYS]"));
    awaitSent("too many words", s -> s.text().equals("Usage: /top [DAYS]"));
  }

  @Test
  void snooze_with_the_alert_number_holds_it_and_it_comes_back_mentioning_the_on_call()
      throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.command(Person.ALICE, "/snooze #" + number + " 2h");
    awaitSent("the snooze answered", s -> s.text().contains("snoozed until Wed 25 Nov 12:00 CET"));
    chat.command(Person.OUTSIDER, "/snooze #" + number + " 1h");
    awaitSent(
        "the outsider refused",
        s -> s.text().contains("Sorry, only members of the team can use /snooze."));

    clock.advance(Duration.ofHours(2));
    runtime.duties().timekeeper().tick();

    Sent back = awaitSent("the alert back", s -> s.text().contains("is back from its snooze"));
    assertThat(back.kind()).isEqualTo(Kind.REPLY);
    assertThat(back.under()).isEqualTo(alert.id());
    assertThat(back.mentions()).contains(chat.identity(Person.BOB));
    assertThat(back.text()).contains("(2h by Alice Doe) and still not resolved");
  }

  // Issue #14: runbook actions from chat, "each chat through the adapter contract suite".
  @Test
  void the_actions_button_offers_the_routes_actions_and_a_confirmed_rerun_runs_once()
      throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.press(alert, Person.BOB, "actions");
    Sent menu =
        awaitSent(
            "the menu", s -> s.kind() == Kind.REPLY && s.text().contains("Actions for alert"));
    assertThat(menu.under()).isEqualTo(alert.id());
    assertThat(menu.buttons()).containsExactly("run_rerun-failed:" + number, "run_rerun:" + number);
    chat.press(menu, Person.BOB, "run_rerun-failed");
    Sent preview =
        awaitSent("the preview", s -> s.text().contains("Re-runs 1 failed job of run " + RUN));
    assertThat(preview.under()).isEqualTo(alert.id());
    assertThat(preview.buttons()).containsExactly("act_confirm:1", "act_cancel:1");
    assertThat(preview.mentions()).contains(chat.identity(Person.BOB));
    chat.press(preview, Person.BOB, "act_confirm");

    Sent done =
        awaitSent("the result", s -> s.text().contains("Re-ran 1 failed job of run " + RUN));
    assertThat(done.under()).isEqualTo(alert.id());
    assertThat(done.mentions()).contains(chat.identity(Person.BOB));
    assertThat(actions.executions()).hasSize(1);
    await(
        "the confirmation answered",
        () -> chat.answers().contains("Confirmed; running rerun-failed now."));
  }

  @Test
  void an_action_needing_approval_is_approved_by_the_team_lead_and_not_by_the_requester()
      throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());

    chat.command(Person.BOB, "/action rerun #" + number);
    awaitSent("the request answered", s -> s.text().startsWith("Reading what rerun would change"));
    Sent preview = awaitSent("the preview", s -> s.buttons().contains("act_confirm:1"));
    chat.press(preview, Person.BOB, "act_confirm");
    Sent ask = awaitSent("the approval asked", s -> s.buttons().contains("act_approve:1"));
    assertThat(ask.mentions()).contains(chat.identity(Person.ALICE));
    assertThat(ask.under()).isEqualTo(alert.id());
    chat.press(ask, Person.BOB, "act_approve");
    await(
        "the requester refused",
        () ->
            chat.answers()
                .contains(
                    "You asked for request #1: someone else must approve it (the team lead)."));
    assertThat(actions.executions()).isEmpty();
    chat.press(ask, Person.ALICE, "act_approve");

    Sent done = awaitSent("the result", s -> s.text().contains("Re-ran 1 failed job"));
    assertThat(done.mentions()).contains(chat.identity(Person.BOB), chat.identity(Person.ALICE));
    assertThat(actions.executions()).hasSize(1);
  }

  @Test
  void action_with_the_alert_number_lists_its_actions_and_audit_lists_the_steps() throws Exception {
    Sent alert = alert();
    String number = alert.buttons().get(0).substring("ack:".length());
    chat.press(alert, Person.BOB, "actions");
    Sent menu = awaitSent("the menu", s -> s.buttons().contains("run_rerun:" + number));
    chat.press(menu, Person.BOB, "run_rerun-failed");
    awaitSent("the preview", s -> s.buttons().contains("act_confirm:1"));

    chat.command(Person.ALICE, "/action #" + number);
    chat.command(Person.ALICE, "/audit");

    awaitSent(
        "the list",
        s -> s.text().contains("Actions for alert #" + number) && s.buttons().size() == 2);
    Sent audit =
        awaitSent("the audit", s -> s.text().startsWith("Runbook actions, latest 2 steps"));
    assertThat(audit.text())
        .contains("#1 rerun-failed on octo-org/octo-repo run " + RUN + " (alert #" + number + "):")
        .contains("requested by Bob Stone")
        .contains("previewed: Re-runs 1 failed job");
  }

  @Test
  void someone_outside_the_team_cannot_open_the_actions() throws Exception {
    Sent alert = alert();

    chat.press(alert, Person.OUTSIDER, "actions");

    await(
        "the press refused",
        () -> chat.answers().contains("Only members of the team can use runbook actions."));
    assertThat(chat.sent()).noneMatch(s -> s.text().contains("Actions for alert"));
  }

  // Issue #13 item 7: the shift reminder "carries an `.ics` invitation for both people"; every chat
  // gets it as a file, with the message or under it (Slack shares files in the message's thread).
  @Test
  void a_message_with_an_attachment_arrives_as_a_file() throws Exception {
    runtime.duties().timekeeper().tick();
    clock.set(Instant.parse("2026-11-29T10:01:00Z")); // A day before Monday's 11:00 CET.
    runtime.duties().timekeeper().tick();

    Sent reminder =
        awaitSent("the reminder", s -> s.text().contains("Invitation attached (.ics)."));
    Sent withFile =
        awaitSent(
            "its invitation",
            s ->
                !s.files().isEmpty()
                    && (s.id().equals(reminder.id()) || s.under().equals(reminder.id())));

    assertThat(reminder.mentions()).contains(chat.identity(Person.ALICE));
    assertThat(withFile.files()).hasSize(1);
    Attachment file = withFile.files().get(0);
    assertThat(file.fileName()).isEqualTo("buildmeister-handoff-2026-11-30.ics");
    List<List<ParseWarning>> warnings = new ArrayList<>();
    ICalendar calendar =
        Biweekly.parse(new String(file.content(), StandardCharsets.UTF_8))
            .warnings(warnings)
            .first();
    assertThat(warnings).allSatisfy(w -> assertThat(w).isEmpty());
    VEvent meeting = calendar.getEvents().get(0);
    assertThat(meeting.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
    assertThat(meeting.getDateEnd().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(meeting.getAttendees())
        .extracting(Attendee::getCommonName)
        .containsExactly("Bob Stone", "Alice Doe");
  }

  // Issue #15: "/web answers the asker privately (Telegram and Discord: a direct message; Slack: an
  // ephemeral message; console: printed)". Any command may answer so; this one stands for them.
  @Test
  void a_private_answer_reaches_the_asker_alone_and_never_the_chat() throws Exception {
    runtime.commands().register(new Whisper());

    chat.command(Person.BOB, "/whisper");

    await("the private answer", () -> !chat.privately(Person.BOB).isEmpty());
    Sent secret = chat.privately(Person.BOB).get(0);
    assertThat(secret.text()).contains("Only you may see this: s3cret for bob");
    assertThat(secret.links()).containsExactly("https://meister.example/secret/bob");
    assertThat(chat.privately(Person.ALICE)).isEmpty();
    if (!chat.answersPrivatelyInPlace()) {
      awaitSent(
          "the chat told where to look",
          s -> s.text().equals(dev.meister.core.chat.ChatAnswers.SENT_PRIVATELY));
    }
    settle();
    assertThat(chat.sent()).noneMatch(s -> s.text().contains("s3cret"));
    assertThat(outboxBodies()).noneMatch(b -> b.contains("s3cret"));
  }

  /** Every message body the outbox holds, read straight from the database file. */
  private List<String> outboxBodies() throws Exception {
    List<String> bodies = new ArrayList<>();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("meister.db"));
        java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT body FROM outbox")) {
      while (rs.next()) {
        bodies.add(rs.getString(1));
      }
    }
    return bodies;
  }

  // Issue #15: "/web answers the asker privately ... with a link valid for 10 minutes and usable
  // once"; "Only team members get one."
  @Test
  void web_sends_a_team_member_a_one_time_sign_in_link_privately() throws Exception {
    chat.command(Person.ALICE, "/web");

    await("the link", () -> !chat.privately(Person.ALICE).isEmpty());
    Sent answer = chat.privately(Person.ALICE).get(0);
    assertThat(answer.text()).contains("It works once, for the next 10 minutes.");
    assertThat(answer.links())
        .singleElement()
        .asString()
        .matches("https://oncall\\.example/web/login/[A-Za-z0-9_-]{43}");
    String token = answer.links().get(0).substring(answer.links().get(0).lastIndexOf('/') + 1);
    assertThat(runtime.web().orElseThrow().signIns().redeem(token))
        .isInstanceOf(dev.meister.core.web.SignIns.Outcome.Started.class);
    settle();
    assertThat(chat.sent()).noneMatch(s -> s.text().contains("/web/login/"));
    assertThat(outboxBodies()).noneMatch(b -> b.contains("/web/login/"));
  }

  // Issue #15: "URLs carry a per-member secret token (/cal/<token>/…ics) that /calendar sends
  // privately like /web, and that /calendar reset replaces."
  @Test
  void calendar_sends_the_feed_urls_privately_and_reset_replaces_them() throws Exception {
    chat.command(Person.BOB, "/calendar");

    await("the feeds", () -> !chat.privately(Person.BOB).isEmpty());
    Sent feeds = chat.privately(Person.BOB).get(0);
    assertThat(feeds.text()).contains("Your calendar feeds");
    assertThat(feeds.links())
        .hasSize(2)
        .allMatch(l -> l.matches("https://oncall\\.example/cal/[A-Za-z0-9_-]{43}/.*\\.ics"));
    assertThat(feeds.links().get(1)).endsWith("/rotation/buildmeister.ics");
    String token = feeds.links().get(0).split("/")[4];
    assertThat(meister.storage().calendarTokens().memberFor(token))
        .contains(dev.meister.core.team.MemberId.of("bob"));

    chat.command(Person.BOB, "/calendar reset");

    await("the new feeds", () -> chat.privately(Person.BOB).size() == 2);
    assertThat(chat.privately(Person.BOB).get(1).links().get(0)).doesNotContain(token);
    assertThat(meister.storage().calendarTokens().memberFor(token)).isEmpty();
    settle();
    assertThat(chat.sent()).noneMatch(s -> s.text().contains("/cal/"));
    assertThat(outboxBodies()).noneMatch(b -> b.contains("/cal/"));
  }

  @Test
  void someone_outside_the_team_gets_no_sign_in_link() throws Exception {
    chat.command(Person.OUTSIDER, "/web");

    awaitSent(
        "the refusal", s -> s.text().contains("Sorry, only members of the team can use /web."));
    assertThat(chat.privately(Person.OUTSIDER)).isEmpty();
  }

  /** A command that answers its asker privately, with a link. */
  private static final class Whisper implements dev.meister.core.chat.CommandHandler {
    @Override
    public String name() {
      return "whisper";
    }

    @Override
    public String usage() {
      return "/whisper";
    }

    @Override
    public String summary() {
      return "answers privately";
    }

    @Override
    public dev.meister.core.chat.CommandReply handle(dev.meister.core.chat.CommandRequest request) {
      String who = request.sender().map(m -> m.id().value()).orElse("nobody");
      return dev.meister.core.chat.CommandReply.privately(
          dev.meister.core.chat.OutgoingMessage.of(
              dev.meister.core.chat.RichText.builder()
                  .text("Only you may see this: s3cret for " + who + " ")
                  .link("the link", "https://meister.example/secret/" + who)
                  .build()));
    }
  }

  /** GitHub got exactly one new issue for the alert's run, and its link is under the alert. */
  private void assertIssueFiledUnder(Sent alert) throws Exception {
    Sent filed =
        awaitSent(
            "the issue under the alert",
            s -> s.kind() == Kind.REPLY && s.text().contains("Filed #9110"));
    assertThat(filed.under()).isEqualTo(alert.id());
    assertThat(filed.text()).contains("Build fail - octo-repo test (163)");
    assertThat(filed.links()).contains("https://github.com/acme/issues/issues/9110");
    List<FakeGitHub.Received> created = github.received("POST", "/api/v3/repos/acme/issues/issues");
    assertThat(created).hasSize(1);
    JsonNode issue = created.get(0).json();
    assertThat(issue.path("title").asText()).isEqualTo("Build fail - octo-repo test (163)");
    assertThat(issue.path("body").asText())
        .contains("https://github.com/octo-org/octo-repo/actions/runs/289782451")
        .contains("- `com.example.billing.InvoiceTest.parsesCurrency`");
    assertThat(github.issue("acme/issues", 9110).path("assignees").findValuesAsText("login"))
        .containsExactly("bob-gh");
  }

  @Test
  void an_override_accepted_by_button_puts_the_other_person_on_call_at_once() throws Exception {
    Sent question = overrideAsked();

    chat.press(question, Person.BOB, ScheduleRequests.YES);
    await(
        "only the asked person may accept",
        () -> chat.answers().stream().anyMatch(a -> a.startsWith("Only alice can answer")));
    chat.press(question, Person.ALICE, ScheduleRequests.YES);

    awaitSent("the override done", s -> s.text().contains("has Buildmeister from"));
    await("the press answered", () -> chat.answers().contains("Done."));
    assertWhoIsOnCallShowsTheOverride();
  }

  @Test
  void an_override_accepted_by_command_puts_the_other_person_on_call_at_once() throws Exception {
    Sent question = overrideAsked();
    String id = question.buttons().get(0).substring(ScheduleRequests.YES.length() + 1);

    chat.command(Person.ALICE, "/override accept " + id);

    awaitSent("the override done", s -> s.text().contains("has Buildmeister from"));
    assertWhoIsOnCallShowsTheOverride();
  }

  /** Bob, on call, asks Alice (picked the platform's way) to take today to Friday. */
  private Sent overrideAsked() throws Exception {
    chat.command(
        Person.BOB,
        "/override " + chat.mentionTyped(Person.ALICE) + " 2026-11-25..2026-11-27 buildmeister");
    Sent question =
        awaitSent("the override asked", s -> s.text().contains("asks you to take Buildmeister"));
    assertThat(question.mentions())
        .contains(chat.identity(Person.ALICE), chat.identity(Person.BOB));
    assertThat(question.buttons()).hasSize(2);
    assertThat(question.buttons().get(0)).startsWith(ScheduleRequests.YES + ":");
    return question;
  }

  private void assertWhoIsOnCallShowsTheOverride() throws Exception {
    chat.command(Person.BOB, "/whoisoncall buildmeister");

    Sent answer = awaitSent("the answer", s -> s.text().contains("Primary: "));
    assertThat(answer.text()).contains("Primary: Alice Doe (override) until Sat 28 Nov 00:00 CET");
  }

  /** Moves the clock over Monday's 11:00 boundary (Bob → Alice) and waits for the announcement. */
  private Sent handoffAnnounced() throws Exception {
    runtime.duties().timekeeper().tick();
    clock.advance(Duration.between(NOW, Instant.parse("2026-11-30T10:01:00Z")));
    runtime.duties().timekeeper().tick();
    Sent announcement =
        awaitSent(
            "the hand-off announced",
            s -> s.kind() == Kind.POST && s.text().contains("Hand-off Buildmeister"));
    assertThat(announcement.buttons()).hasSize(2);
    return announcement;
  }

  /** Posts a failed GitHub run and waits for the alert to reach the chat. */
  Sent alert() throws Exception {
    HttpResponse<String> response = postFailure();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return awaitSent("the alert", s -> s.kind() == Kind.POST && s.text().contains("Build fail"));
  }

  /** Runs delivery rounds until the chat received a message matching {@code wanted}. */
  Sent awaitSent(String what, Predicate<Sent> wanted) {
    return Awaitility.await(what + " within 10 s")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              settle();
              return chat.sent().stream().filter(wanted).findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  /** Runs delivery rounds until {@code check} holds. */
  private void await(String what, Check check) {
    Awaitility.await(what + " within 10 s")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              if (check.holds()) {
                return true;
              }
              settle();
              return false;
            });
  }

  /** One round of the outbox and the filing worker, as their threads would do. */
  private void settle() {
    runtime.worker().deliverDue();
    runtime.filing().processDue();
    runtime.actions().processDue();
    runtime.worker().deliverDue();
  }

  HttpResponse<String> postFailure() throws Exception {
    byte[] body = failedRun();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhooks.port() + "/hooks/github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "workflow_run")
            .header("X-GitHub-Delivery", "delivery-1")
            .header("X-Hub-Signature-256", sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] failedRun() throws Exception {
    try (InputStream in =
        ChatAdapterContract.class.getResourceAsStream(
            "/fixtures/github/workflow_run.completed.json")) {
      ObjectNode root = (ObjectNode) JSON.readTree(Objects.requireNonNull(in).readAllBytes());
      ((ObjectNode) root.get("workflow_run")).put("conclusion", "failure");
      return JSON.writeValueAsBytes(root);
    }
  }

  private static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  /** Sent messages of one kind, for harnesses' use. */
  static List<Sent> ofKind(List<Sent> all, Kind kind) {
    return all.stream().filter(s -> s.kind() == kind).toList();
  }
}
