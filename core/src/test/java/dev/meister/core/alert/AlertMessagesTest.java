package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Span;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCall;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.Source;
import dev.meister.core.silence.Silence;
import dev.meister.core.silence.SilenceNotes;
import dev.meister.core.silence.SilenceStore;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import dev.meister.core.team.Team;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AlertMessagesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant AT = Instant.parse("2026-11-20T03:05:00Z");
  private static final Team TEAM =
      new Team(
          List.of(
              member("alice", "Alice Archer", Role.TEAM_LEAD),
              member("bob", "Bob Baker", Role.MEMBER),
              member("carol", "Carol Chen", Role.MEMBER)));
  private static final AlertMessages MESSAGES = new AlertMessages(TEAM);
  private static final String RUN_URL = "https://github.com/causify-ai/cmamp/actions/runs/99";
  private static final Map<String, String> BUILD =
      Map.of(
          "repo", "causify-ai/cmamp",
          "branch", "master",
          "event", "push",
          "run_attempt", "2",
          "workflow_name", "Fast tests",
          "head_sha", "3f2a9c1e7b5d",
          "commit_message", "Fix the bid/ask join\n\nLonger explanation.",
          "commit_author", "Dana Doe",
          "run_url", RUN_URL,
          "test_type", "fast");
  private static final Map<String, String> TASK =
      Map.of(
          "dag_id", "bid_ask_1m",
          "task_id", "download",
          "dag_run_id", "scheduled__2026-11-20T03:00:00+00:00",
          "start_date", "2026-11-20T03:01:00+00:00",
          "try_number", "2",
          "region", "tokyo",
          "exception", "ValueError: bad symbol 'XBT'\nmore detail",
          "airflow_url", "http://airflow:8080/",
          "log_url", "http://airflow:8080/log?x=1");

  @Test
  void a_build_alert_says_what_broke_and_tags_the_on_call() {
    OutgoingMessage m = MESSAGES.alert(build(AlertPriority.NONE), onCall(true), BERLIN);

    assertThat(m.text().plainText())
        .isEqualTo(
            """
            🔴 Build fail - cmamp fast (1234)
            Failing tests type: fast
            Repo: causify-ai/cmamp
            Branch: master
            Event: push
            Attempt: 2
            Workflow: Fast tests
            Commit: 3f2a9c1 Fix the bid/ask join (Dana Doe)
            Open the failing run
            On call: @bob, Level 2: Carol Chen\
            """);
    assertThat(m.text().spans())
        .contains(
            new Span.Link("Open the failing run", RUN_URL), new Span.Mention(MemberId.of("bob")));
    assertThat(m.buttons()).containsExactly(new Button("👀 Looking", new ButtonAction.Ack(42)));
  }

  @Test
  void a_new_alert_carries_only_the_notes_it_can_have_from_the_start() {
    // Notes that would make a stored alert's message filed, resolved and escalated.
    AlertNotes later =
        new AlertNotes() {
          @Override
          public void addTo(Alert alert, dev.meister.core.chat.RichText.Builder text) {
            text.newline().text("escalated");
          }

          @Override
          public void addToNew(Alert alert, dev.meister.core.chat.RichText.Builder text) {
            text.newline().text("from the start");
          }

          @Override
          public boolean filed(Alert alert) {
            return true;
          }

          @Override
          public boolean resolved(Alert alert) {
            return true;
          }
        };
    AlertMessages messages = new AlertMessages(TEAM, later);

    OutgoingMessage fresh =
        messages.newAlert(build(AlertPriority.NONE), onCall(false), BERLIN, Optional.empty());
    OutgoingMessage rendered = messages.alert(build(AlertPriority.NONE), onCall(false), BERLIN);

    assertThat(fresh.text().plainText()).endsWith("On call: @bob\nfrom the start");
    assertThat(fresh.buttons()).containsExactly(new Button("👀 Looking", new ButtonAction.Ack(42)));
    assertThat(rendered.text().plainText()).endsWith("On call: @bob\nescalated");
    assertThat(rendered.buttons()).isEmpty();
  }

  @Test
  void a_new_silenced_alert_reads_as_its_later_edits_do_without_looking_its_silence_up() {
    Silence silence =
        new Silence(
            4,
            AlertMatch.anything(),
            AT,
            AT.plusSeconds(3600),
            "Exchange maintenance",
            "bob",
            AT,
            false,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    AtomicInteger lookups = new AtomicInteger();
    SilenceStore store =
        (SilenceStore)
            Proxy.newProxyInstance(
                SilenceStore.class.getClassLoader(),
                new Class<?>[] {SilenceStore.class},
                (proxy, method, args) -> {
                  assertThat(method.getName()).isEqualTo("silenceOf");
                  lookups.incrementAndGet();
                  return Optional.of(silence);
                });
    AlertMessages messages = new AlertMessages(TEAM, new SilenceNotes(store));
    Alert alert = build(AlertPriority.NONE);

    OutgoingMessage fresh =
        messages.newAlert(alert, onCall(false), BERLIN, Optional.of(silence.label()));
    assertThat(lookups).hasValue(0);
    OutgoingMessage edited = messages.alert(alert, onCall(false), BERLIN);

    assertThat(lookups).hasPositiveValue();
    assertThat(fresh).isEqualTo(edited);
    assertThat(fresh.text().plainText())
        .endsWith("On call: Bob Baker\n🔕 silenced by #4 'Exchange maintenance'");
    assertThat(fresh.text().spans()).noneMatch(span -> span instanceof Span.Mention);
    assertThat(messages.newAlert(alert, onCall(false), BERLIN, Optional.empty()).text().spans())
        .contains(new Span.Mention(MemberId.of("bob")));
  }

  @Test
  void a_build_alert_contains_test_type_repo_branch_event_and_the_failing_run_link() {
    // Seed 002: "A notification contains: Failing tests type: fast/slow/super-slow, Repo, Branch,
    // Event, Link to a failing run".
    OutgoingMessage m = MESSAGES.alert(build(AlertPriority.NONE), onCall(false), BERLIN);

    assertThat(m.text().plainText().lines())
        .contains(
            "Failing tests type: fast",
            "Repo: causify-ai/cmamp",
            "Branch: master",
            "Event: push",
            "Open the failing run");
    assertThat(m.text().spans()).contains(new Span.Link("Open the failing run", RUN_URL));
  }

  @Test
  void a_top_priority_task_alert_tags_the_team_lead_first() {
    OutgoingMessage m =
        MESSAGES.alert(task(AlertPriority.legacyHigh(), TASK), onCall(false), BERLIN);

    assertThat(m.text().plainText())
        .isEqualTo(
            """
            🚨 HIGHEST PRIORITY @alice
            🔴 DAG fail - bid_ask_1m.download (2026-11-20 03:00 UTC)
            DAG: bid_ask_1m
            Task: download
            Run: scheduled__2026-11-20T03:00:00+00:00
            Try 2 started: 2026-11-20 04:01 CET (03:01 UTC)
            Region: tokyo
            Error: ValueError: bad symbol 'XBT'
            Broken DAG run · Log
            On call: @bob\
            """);
    assertThat(m.text().spans())
        .contains(
            new Span.Mention(MemberId.of("alice")),
            new Span.Code("bid_ask_1m"),
            new Span.Link(
                "Broken DAG run",
                "http://airflow:8080/dags/bid_ask_1m/grid"
                    + "?dag_run_id=scheduled__2026-11-20T03%3A00%3A00%2B00%3A00"),
            new Span.Link("Log", "http://airflow:8080/log?x=1"));
  }

  // Seed 000: "A notification contains: DAG start timestamp, Link fo broken DAG".
  @Test
  void a_task_alert_contains_the_dag_start_timestamp_and_a_link_to_the_broken_dag_run() {
    Map<String, String> fields = new java.util.HashMap<>(TASK);
    fields.put("dag_run_start_date", "2026-11-20T03:00:05.123456+00:00");
    fields.put("airflow_version", "3.0.2");

    OutgoingMessage m = MESSAGES.alert(task(AlertPriority.NONE, fields), onCall(false), BERLIN);

    assertThat(m.text().plainText().lines())
        .contains(
            "DAG started: 2026-11-20 04:00 CET (03:00 UTC)",
            "Try 2 started: 2026-11-20 04:01 CET (03:01 UTC)",
            "Broken DAG run · Log");
    assertThat(m.text().spans())
        .contains(
            new Span.Link(
                "Broken DAG run",
                "http://airflow:8080/dags/bid_ask_1m/runs/"
                    + "scheduled__2026-11-20T03%3A00%3A00%2B00%3A00"));
  }

  // Seed 000: "Paste the link of QA notebook if QA failed."
  @Test
  void a_task_alert_links_the_qa_notebook_the_task_provided() {
    Map<String, String> fields = new java.util.HashMap<>(TASK);
    fields.put("notebook_url", "https://nb.example.com/qa/bid_ask.ipynb");

    OutgoingMessage m = MESSAGES.alert(task(AlertPriority.NONE, fields), onCall(false), BERLIN);

    assertThat(m.text().plainText()).contains("\nBroken DAG run · Log · QA notebook\n");
    assertThat(m.text().spans())
        .contains(new Span.Link("QA notebook", "https://nb.example.com/qa/bid_ask.ipynb"));
  }

  @Test
  void without_the_airflow_url_there_is_no_dag_run_link_but_the_log_stays() {
    Map<String, String> fields = new java.util.HashMap<>(TASK);
    fields.remove("airflow_url");

    OutgoingMessage m = MESSAGES.alert(task(AlertPriority.NONE, fields), onCall(false), BERLIN);

    assertThat(m.text().plainText()).contains("\nLog\n").doesNotContain("Broken DAG run");
  }

  // Seed 000: "All the failures from region `tokyo` are of highest priority" — but only
  // bid_ask/OHLCV ones "ping the channel by tagging the team leader": a level alone tags nobody.
  @Test
  void a_highest_level_alert_without_a_tag_says_so_and_mentions_no_lead() {
    AlertPriority p4 = new AlertPriority(Optional.of("P4"), true, List.of());

    OutgoingMessage m = MESSAGES.alert(task(p4, TASK), onCall(false), BERLIN);

    assertThat(m.text().plainText()).startsWith("🚨 HIGHEST PRIORITY (P4)\n🔴 DAG fail");
    assertThat(m.text().spans()).doesNotContain(new Span.Mention(MemberId.of("alice")));
  }

  // Seed 000: "ping the channel by tagging the team leader" — a tag is separate from the level.
  @Test
  void a_tag_at_a_lower_level_mentions_the_tagged_without_the_highest_priority_banner() {
    AlertPriority p3 = new AlertPriority(Optional.of("P3"), false, List.of(Tag.teamLead()));

    OutgoingMessage m = MESSAGES.alert(task(p3, TASK), onCall(false), BERLIN);

    assertThat(m.text().plainText()).startsWith("📢 P3 @alice\n🔴 DAG fail");
  }

  @Test
  void a_tag_naming_a_member_mentions_that_member() {
    AlertPriority tagged =
        new AlertPriority(Optional.of("P4"), true, List.of(new Tag.OfMember(MemberId.of("carol"))));

    OutgoingMessage m = MESSAGES.alert(task(tagged, TASK), onCall(false), BERLIN);

    assertThat(m.text().plainText()).startsWith("🚨 HIGHEST PRIORITY (P4) @carol\n");
  }

  @Test
  void missing_attributes_leave_out_their_lines() {
    Alert sparse = task(AlertPriority.NONE, Map.of("dag_id", "d", "log_url", "http://l"));

    assertThat(MESSAGES.alert(sparse, null, BERLIN).text().plainText())
        .isEqualTo(
            """
            🔴 DAG fail - bid_ask_1m.download (2026-11-20 03:00 UTC)
            DAG: d
            Log
            On call: nobody (no route matched)\
            """);
  }

  @Test
  void an_unrouted_alert_says_nobody_is_on_call() {
    OutgoingMessage m = MESSAGES.alert(build(AlertPriority.NONE), null, BERLIN);

    assertThat(m.text().plainText()).endsWith("\nOn call: nobody (no route matched)");
  }

  @Test
  void long_attributes_are_capped_at_300_characters() {
    Alert noisy =
        task(
            AlertPriority.NONE,
            Map.of("dag_id", "d", "exception", "E".repeat(5000), "region", "r".repeat(400)));

    String text = MESSAGES.alert(noisy, null, BERLIN).text().plainText();

    assertThat(text).contains("Region: " + "r".repeat(299) + "…\n");
    assertThat(text).contains("Error: " + "E".repeat(299) + "…\n");
    assertThat(text.length()).isLessThan(1000);
  }

  @Test
  void an_acknowledged_alert_says_who_is_looking_and_has_no_button() {
    Acknowledgement ack = ack("carol", "2026-11-20T03:10:00Z");

    OutgoingMessage m =
        MESSAGES.acknowledged(build(AlertPriority.NONE), onCall(false), BERLIN, ack);

    assertThat(m.text().plainText())
        .isEqualTo(
            """
            🔴 Build fail - cmamp fast (1234)
            Failing tests type: fast
            Repo: causify-ai/cmamp
            Branch: master
            Event: push
            Attempt: 2
            Workflow: Fast tests
            Commit: 3f2a9c1 Fix the bid/ask join (Dana Doe)
            Open the failing run
            On call: @bob
            👀 Carol Chen is looking into this (since 04:10 CET)\
            """);
    assertThat(m.buttons()).isEmpty();
  }

  @Test
  void the_ack_reply_mentions_who_took_it() {
    OutgoingMessage m = MESSAGES.ackReply(ack("carol", "2026-11-20T03:10:00Z"));

    assertThat(m.text().plainText()).isEqualTo("@carol is looking into this.");
    assertThat(m.text().spans()).first().isEqualTo(new Span.Mention(MemberId.of("carol")));
  }

  @Test
  void a_second_taker_hears_who_already_took_it() {
    OutgoingMessage m = MESSAGES.alreadyAcked(ack("carol", "2026-07-20T03:10:00Z"), BERLIN);

    assertThat(m.text().plainText())
        .isEqualTo("Carol Chen is already looking into this (since 05:10 CEST).");
  }

  @Test
  void a_digest_lists_each_alert_with_its_link() {
    Alert noLink = task(AlertPriority.NONE, Map.of("dag_id", "d")).withId(new AlertId(43));

    OutgoingMessage m = MESSAGES.digest(List.of(build(AlertPriority.NONE), noLink), "dagmeister");

    assertThat(m.text().plainText())
        .isEqualTo(
            """
            2 more failures in dagmeister:
            #42 Build fail - cmamp fast (1234)
            #43 DAG fail - bid_ask_1m.download (2026-11-20 03:00 UTC)
            Reply /ack ID to take one.\
            """);
    assertThat(m.text().spans())
        .startsWith(new Span.Bold("2 more failures in dagmeister:"))
        .contains(new Span.Link("Build fail - cmamp fast (1234)", RUN_URL))
        .contains(new Span.Plain("DAG fail - bid_ask_1m.download (2026-11-20 03:00 UTC)"));
  }

  @Test
  void a_digest_of_one_says_failure() {
    OutgoingMessage m = MESSAGES.digest(List.of(build(AlertPriority.NONE)), "buildmeister");

    assertThat(m.text().plainText())
        .isEqualTo(
            """
            1 more failure in buildmeister:
            #42 Build fail - cmamp fast (1234)
            Reply /ack ID to take one.""");
  }

  private static Alert build(AlertPriority priority) {
    return alert(AlertSource.GITHUB_ACTIONS, "Build fail - cmamp fast (1234)", priority, BUILD);
  }

  private static Alert task(AlertPriority priority, Map<String, String> attributes) {
    return alert(
        AlertSource.AIRFLOW,
        "DAG fail - bid_ask_1m.download (2026-11-20 03:00 UTC)",
        priority,
        attributes);
  }

  private static Alert alert(
      AlertSource source, String title, AlertPriority priority, Map<String, String> attributes) {
    return new Alert(
        new AlertId(42),
        "test:1",
        "fp",
        RotationId.of("dagmeister"),
        null,
        priority,
        title,
        AT,
        AT,
        Events.origin(source, attributes));
  }

  private static OnCall onCall(boolean withSecondary) {
    Instant start = Instant.parse("2026-11-16T10:00:00Z");
    Instant end = Instant.parse("2026-11-23T10:00:00Z");
    @Nullable Assignment secondary =
        withSecondary ? assignment(Position.SECONDARY, "carol", start, end) : null;
    return new OnCall(
        RotationId.of("dagmeister"),
        AT,
        assignment(Position.PRIMARY, "bob", start, end),
        secondary,
        assignment(Position.PRIMARY, "carol", end, end.plusSeconds(604800)));
  }

  private static Assignment assignment(Position p, String who, Instant start, Instant end) {
    return new Assignment(p, MemberId.of(who), Source.REGULAR, start, end);
  }

  private static Acknowledgement ack(String who, String at) {
    return new Acknowledgement(
        new AlertId(42), MemberId.of(who), Instant.parse(at), AckChannel.BUTTON);
  }

  private static Member member(String id, String name, Role role) {
    return new Member(MemberId.of(id), name, ChatIdentities.none(), null, Set.of(role));
  }
}
