package dev.meister.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.RichText;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class DiscordRendererTest {
  private static final Team TEAM =
      new Team(
          List.of(
              new Member(
                  MemberId.of("grace"),
                  "Grace *H*",
                  new ChatIdentities(null, null, null, "112233445566778899"),
                  null,
                  Set.of()),
              new Member(
                  MemberId.of("carol"),
                  "Carol _C_ <@everyone> & `co`",
                  ChatIdentities.none(),
                  null,
                  Set.of())));

  private final DiscordRenderer renderer = new DiscordRenderer(TEAM);

  @Test
  void markdown_characters_in_text_are_escaped_so_they_show_as_written() {
    DiscordRenderer.Rendered r =
        renderer.render(RichText.plain("dag_run *failed* <task> & `x` ~~y~~ | > #h [a](b)"));

    assertThat(r.content())
        .isEqualTo(
            "dag\\_run \\*failed\\* \\<task\\> & \\`x\\` \\~\\~y\\~\\~ \\| \\> \\#h \\[a\\]\\(b\\)");
  }

  @Test
  void bold_code_and_code_blocks_use_markdown_and_code_keeps_its_text_literal() {
    DiscordRenderer.Rendered r =
        renderer.render(
            RichText.builder()
                .bold("etl_daily")
                .text(" in ")
                .code("load_* `x`")
                .newline()
                .codeBlock("x < y & z```")
                .build());

    assertThat(r.content()).isEqualTo("**etl\\_daily** in `load_* ˋxˋ`\n```\nx < y & zˋˋˋ\n```");
  }

  @Test
  void a_member_with_a_discord_id_is_mentioned_and_only_they_may_be_pinged() {
    DiscordRenderer.Rendered r =
        renderer.render(
            RichText.builder()
                .mention(MemberId.of("grace"))
                .text(" and ")
                .mention(MemberId.of("carol"))
                .build());

    assertThat(r.content())
        .isEqualTo("<@112233445566778899> and @Carol \\_C\\_ \\<\\@everyone\\> & \\`co\\`");
    assertThat(r.mentioned()).containsExactly("112233445566778899");
  }

  @Test
  void links_are_masked_and_emoji_are_unicode() {
    DiscordRenderer.Rendered r =
        renderer.render(
            RichText.builder().emoji("fire").link("logs [1]", "https://airflow/x?a=(1)").build());

    assertThat(r.content()).isEqualTo("🔥[logs \\[1\\]](https://airflow/x?a=(1%29)");
  }

  @Test
  void a_long_text_is_cut_with_an_ellipsis_inside_discords_limit() {
    DiscordRenderer.Rendered r =
        renderer.render(RichText.builder().text("x".repeat(1990)).text("yyyyyyyyyyyyyyyy").build());

    assertThat(r.content()).hasSizeLessThanOrEqualTo(DiscordRenderer.MAX_LENGTH).endsWith("…");
  }
}
