package dev.meister.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.console.PlainTextRenderer;
import dev.meister.bot.slack.SlackRenderer;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.core.chat.RichText;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.RunState;
import dev.meister.core.status.Stage;
import dev.meister.core.status.StageRules;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusMessages;
import dev.meister.core.status.TaskRun;
import dev.meister.core.status.TaskSelector;
import dev.meister.core.status.TaskState;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The status post through the adapters' renderers, with markup characters in every name. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusPostRenderingTest {
  private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

  private static RichText post() {
    StatusBoard board =
        new StatusBoard(
            "<b>R&D</b> *daily*",
            "etl_<x>&y",
            "prod",
            List.of(
                new Stage("Facts & <Dims>", List.of(TaskSelector.of("calc_<1>&2")), List.of()),
                new Stage("_Other_ *sets*", List.of(TaskSelector.of("rest")), List.of())),
            ZoneId.of("UTC"));
    DagRun run =
        new DagRun(
            "etl_<x>&y",
            "manual__1",
            RunState.RUNNING,
            null,
            Instant.parse("2026-11-23T02:00:00Z"),
            null,
            null);
    return StatusMessages.report(
        StageRules.evaluate(
            board,
            run,
            List.of(
                new TaskRun("calc_<1>&2", -1, TaskState.FAILED),
                new TaskRun("rest", -1, TaskState.SUCCESS)),
            AT));
  }

  @Test
  void telegram_escapes_names_and_keeps_its_own_tags_and_unicode_emoji() {
    String html = new TelegramRenderer(new Team(List.of())).render(post());

    assertThat(html)
        .isEqualTo(
            """
        <b>&lt;b&gt;R&amp;D&lt;/b&gt; *daily*</b> (<code>etl_&lt;x&gt;&amp;y</code>) run of \
        Mon 23 Nov 02:00 UTC: running
        🔥 <b>Facts &amp; &lt;Dims&gt;</b> failed: <code>calc_&lt;1&gt;&amp;2</code> failed
        ✅ <b>_Other_ *sets*</b> were calculated and loaded""");
  }

  @Test
  void the_terminal_gets_plain_text_with_unicode_emoji() {
    String text = new PlainTextRenderer(new Team(List.of())).render(post());

    assertThat(text)
        .isEqualTo(
            """
        <b>R&D</b> *daily* (etl_<x>&y) run of Mon 23 Nov 02:00 UTC: running
        🔥 Facts & <Dims> failed: calc_<1>&2 failed
        ✅ _Other_ *sets* were calculated and loaded""");
  }

  /** Seed 001's example post: the first four stages loaded, "Other datasets" being loaded. */
  private static RichText seedPost() {
    StatusBoard board =
        new StatusBoard(
            "dagao",
            "prod-dagao",
            "prod",
            List.of(
                stage("Contracts", "itaipu-contracts"),
                stage("Financial Reports", "finance"),
                stage("Facts and Dimensions", "itaipu-dimensional-modeling", "capivara-dm"),
                stage("Models and Policies", "itaipu-policies"),
                stage("Other datasets", "itaipu-rest", "capivara-rest")),
            ZoneId.of("UTC"));
    DagRun run =
        new DagRun(
            "prod-dagao",
            "scheduled__2026-11-23T02:00:00+00:00",
            RunState.RUNNING,
            null,
            Instant.parse("2026-11-23T02:00:00Z"),
            null,
            null);
    List<TaskRun> tasks = new ArrayList<>();
    for (String done :
        List.of(
            "itaipu-contracts",
            "finance",
            "itaipu-dimensional-modeling",
            "capivara-dm",
            "itaipu-policies",
            "itaipu-rest")) {
      tasks.add(new TaskRun(done, -1, TaskState.SUCCESS));
    }
    tasks.add(new TaskRun("capivara-rest", -1, TaskState.RUNNING));
    return StatusMessages.report(StageRules.evaluate(board, run, tasks, AT));
  }

  private static Stage stage(String name, String calculate, String... load) {
    return new Stage(
        name,
        List.of(TaskSelector.of(calculate)),
        Arrays.stream(load).map(TaskSelector::of).toList());
  }

  private static List<String> stageLines(String post) {
    return post.lines().skip(1).toList();
  }

  @Test
  void slack_shows_seed_001s_example_post_with_emoji_codes_and_bold_stage_names() {
    // Seed 001: ":white_check_mark: *Contracts* were calculated and loaded" ...
    // ":fast_forward: *Other datasets* were calculated and are being loaded".
    String mrkdwn = new SlackRenderer(new Team(List.of())).mrkdwn(seedPost());

    assertThat(stageLines(mrkdwn))
        .containsExactly(
            ":white_check_mark: *Contracts* were calculated and loaded",
            ":white_check_mark: *Financial Reports* were calculated and loaded",
            ":white_check_mark: *Facts and Dimensions* were calculated and loaded",
            ":white_check_mark: *Models and Policies* were calculated and loaded",
            ":fast_forward: *Other datasets* were calculated and are being loaded");
  }

  @Test
  void telegram_shows_seed_001s_example_post_in_html_bold_with_unicode_emoji() {
    // Seed 001: ":white_check_mark: *Contracts* were calculated and loaded".
    String html = new TelegramRenderer(new Team(List.of())).render(seedPost());

    assertThat(stageLines(html))
        .containsExactly(
            "✅ <b>Contracts</b> were calculated and loaded",
            "✅ <b>Financial Reports</b> were calculated and loaded",
            "✅ <b>Facts and Dimensions</b> were calculated and loaded",
            "✅ <b>Models and Policies</b> were calculated and loaded",
            "⏩ <b>Other datasets</b> were calculated and are being loaded");
  }

  @Test
  void the_terminal_shows_seed_001s_example_post_as_plain_text() {
    // Seed 001: ":fast_forward: *Other datasets* were calculated and are being loaded".
    String text = new PlainTextRenderer(new Team(List.of())).render(seedPost());

    assertThat(stageLines(text))
        .containsExactly(
            "✅ Contracts were calculated and loaded",
            "✅ Financial Reports were calculated and loaded",
            "✅ Facts and Dimensions were calculated and loaded",
            "✅ Models and Policies were calculated and loaded",
            "⏩ Other datasets were calculated and are being loaded");
  }
}
