package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Tag;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON the stores write for an alert and a queued message, to the character: rows written by
 * one version are read by the next and, during a rolling start on PostgreSQL, by the one before.
 * These strings are what the tree-building writers of earlier versions wrote for the same values.
 */
class StoredJsonShapeTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:00:00.123456789Z");

  @Test
  void an_alert_of_a_github_run_is_written_as_before() throws Exception {
    GitHubRun run =
        GitHubRun.builder("acme/widgets")
            .runId(9_876_543_210L)
            .job("unit (3.12)")
            .branch("master")
            .event("push")
            .workflowName("Fast tests")
            .workflowPath(".github/workflows/fast_tests.yml")
            .runNumber(1234)
            .runAttempt(2)
            .runUrl("https://github.com/acme/widgets/actions/runs/1")
            .headSha("6113728f")
            .actor("dana")
            .commitAuthor("Dana Doe")
            .commitMessage("Fix the \"join\" — ünï\n\tand a tab")
            .conclusion("failure")
            .testType("fast")
            .build();
    Alert alert =
        new Alert(
            null,
            "github:1",
            "fp",
            RotationId.of("buildmeister"),
            "builds",
            new AlertPriority(
                Optional.of("P4"),
                true,
                List.of(Tag.teamLead(), new Tag.OfMember(MemberId.of("alice")))),
            "Build fail",
            AT,
            AT,
            run);

    assertThat(AlertDocumentCodec.write(alert))
        .isEqualTo(
            "{\"origin\":{\"kind\":\"github_run\",\"repo\":\"acme/widgets\",\"run_id\":9876543210,"
                + "\"job_name\":\"unit (3.12)\",\"branch\":\"master\",\"event\":\"push\","
                + "\"workflow_name\":\"Fast tests\","
                + "\"workflow_path\":\".github/workflows/fast_tests.yml\",\"run_number\":1234,"
                + "\"run_attempt\":2,\"run_url\":\"https://github.com/acme/widgets/actions/runs/1\","
                + "\"head_sha\":\"6113728f\",\"actor\":\"dana\",\"commit_author\":\"Dana Doe\","
                + "\"commit_message\":\"Fix the \\\"join\\\" — ünï\\n\\tand a tab\","
                + "\"conclusion\":\"failure\",\"test_type\":\"fast\"},\"route\":\"builds\","
                + "\"occurred_at\":\"2026-11-23T09:00:00.123456789Z\","
                + "\"priority\":{\"level\":\"P4\",\"highest\":true,"
                + "\"tags\":[\"role:team_lead\",\"member:alice\"]}}");
  }

  @Test
  void an_alert_of_an_airflow_task_without_a_route_or_level_is_written_as_before()
      throws Exception {
    AirflowTask task =
        AirflowTask.builder("bid_ask_1m")
            .dagRunId("r1")
            .taskId("download")
            .tryNumber(3)
            .logicalDate("2026-11-20T03:00:00+00:00")
            .exception("KeyError: 'ask'")
            .tags(List.of("prod", "region:tokyo"))
            .region("tokyo")
            .build();
    Alert alert =
        new Alert(
            null, "airflow:1", "fp", null, null, AlertPriority.NONE, "DAG fail", AT, AT, task);

    assertThat(AlertDocumentCodec.write(alert))
        .isEqualTo(
            "{\"origin\":{\"kind\":\"airflow_task\",\"dag_id\":\"bid_ask_1m\",\"dag_run_id\":\"r1\","
                + "\"task_id\":\"download\",\"try_number\":3,"
                + "\"logical_date\":\"2026-11-20T03:00:00+00:00\",\"exception\":\"KeyError: 'ask'\","
                + "\"tags\":[\"prod\",\"region:tokyo\"],\"region\":\"tokyo\"},"
                + "\"occurred_at\":\"2026-11-23T09:00:00.123456789Z\","
                + "\"priority\":{\"highest\":false,\"tags\":[]}}");
    assertThat(AlertDocumentCodec.write(task))
        .isEqualTo(
            "{\"kind\":\"airflow_task\",\"dag_id\":\"bid_ask_1m\",\"dag_run_id\":\"r1\","
                + "\"task_id\":\"download\",\"try_number\":3,"
                + "\"logical_date\":\"2026-11-20T03:00:00+00:00\",\"exception\":\"KeyError: 'ask'\","
                + "\"tags\":[\"prod\",\"region:tokyo\"],\"region\":\"tokyo\"}");
  }

  @Test
  void a_message_with_every_kind_of_span_buttons_and_a_file_is_written_as_before_and_read_back()
      throws Exception {
    OutgoingMessage message =
        new OutgoingMessage(
            new RichText(
                List.of(
                    new Span.Plain("a \"quoted\" <b>"),
                    new Span.Bold("bold"),
                    new Span.Code("x = 1"),
                    new Span.CodeBlock("line 1\nline 2"),
                    new Span.Link("the run", "https://example.com/?a=1&b=2"),
                    new Span.Mention(MemberId.of("alice")),
                    new Span.Emoji("eyes"),
                    new Span.LineBreak())),
            List.of(
                new Button("👀 Looking", new ButtonAction.Ack(42)),
                new Button("File issue", new ButtonAction.FileIssue(42))),
            List.of(
                new Attachment(
                    "invite.ics", "text/calendar", "BEGIN".getBytes(StandardCharsets.UTF_8))));

    String json = MessageCodec.write(message);

    assertThat(json)
        .isEqualTo(
            "{\"spans\":[{\"t\":\"plain\",\"v\":\"a \\\"quoted\\\" <b>\"},{\"t\":\"bold\",\"v\":\"bold\"},"
                + "{\"t\":\"code\",\"v\":\"x = 1\"},{\"t\":\"pre\",\"v\":\"line 1\\nline 2\"},"
                + "{\"t\":\"link\",\"v\":\"the run\",\"url\":\"https://example.com/?a=1&b=2\"},"
                + "{\"t\":\"mention\",\"v\":\"alice\"},{\"t\":\"emoji\",\"v\":\"eyes\"},"
                + "{\"t\":\"br\"}],"
                + "\"buttons\":[{\"label\":\"👀 Looking\",\"action\":\"ack\",\"payload\":\"42\"},"
                + "{\"label\":\"File issue\",\"action\":\"issue\",\"payload\":\"42\"}],"
                + "\"attachments\":[{\"name\":\"invite.ics\",\"type\":\"text/calendar\","
                + "\"base64\":\"QkVHSU4=\"}]}");
    OutgoingMessage back = MessageCodec.read(json);
    assertThat(back.text()).isEqualTo(message.text());
    assertThat(back.buttons()).isEqualTo(message.buttons());
    assertThat(back.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fileName()).isEqualTo("invite.ics");
              assertThat(a.content()).isEqualTo("BEGIN".getBytes(StandardCharsets.UTF_8));
            });
  }
}
