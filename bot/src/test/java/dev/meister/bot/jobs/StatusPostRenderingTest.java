package dev.meister.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.console.PlainTextRenderer;
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
        ✅ _Other_ *sets*""");
  }

  @Test
  void the_terminal_gets_plain_text_with_unicode_emoji() {
    String text = new PlainTextRenderer(new Team(List.of())).render(post());

    assertThat(text)
        .isEqualTo(
            """
        <b>R&D</b> *daily* (etl_<x>&y) run of Mon 23 Nov 02:00 UTC: running
        🔥 Facts & <Dims> failed: calc_<1>&2 failed
        ✅ _Other_ *sets*""");
  }
}
