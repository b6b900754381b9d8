package dev.meister.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
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
class SlackRendererTest {
  private static final Team TEAM =
      new Team(
          List.of(
              new Member(
                  MemberId.of("bob"),
                  "Bob *Stone_<x>* & `co`",
                  new ChatIdentities(null, null, "U0BOB", null),
                  null,
                  Set.of()),
              new Member(
                  MemberId.of("carol"), "Carol _C_ <c@x>", ChatIdentities.none(), null, Set.of())));

  private final SlackRenderer renderer = new SlackRenderer(TEAM);

  /** The blocks as Slack receives them: the SDK's own Gson. */
  private static JsonArray blocks(SlackMessage m) {
    return GsonFactory.createSnakeCase().toJsonTree(m.blocks()).getAsJsonArray();
  }

  private static JsonArray section(SlackMessage m) {
    return blocks(m)
        .get(0)
        .getAsJsonObject()
        .getAsJsonArray("elements")
        .get(0)
        .getAsJsonObject()
        .getAsJsonArray("elements");
  }

  @Test
  void the_fallback_text_escapes_only_ampersand_and_angle_brackets() {
    String mrkdwn = renderer.mrkdwn(RichText.plain("dag_run *failed* <task> & \"retry\""));

    assertThat(mrkdwn).isEqualTo("dag_run *failed* &lt;task&gt; &amp; \"retry\"");
  }

  @Test
  void rich_text_carries_markup_characters_literally_so_names_show_as_written() {
    SlackMessage m =
        renderer.render(
            OutgoingMessage.of(
                RichText.builder()
                    .bold("etl_*daily* <prod>")
                    .text(" failed & `x` ")
                    .code("load_*")
                    .build()));

    JsonArray elements = section(m);
    JsonObject bold = elements.get(0).getAsJsonObject();
    assertThat(bold.get("type").getAsString()).isEqualTo("text");
    assertThat(bold.get("text").getAsString()).isEqualTo("etl_*daily* <prod>");
    assertThat(bold.getAsJsonObject("style").get("bold").getAsBoolean()).isTrue();
    assertThat(elements.get(1).getAsJsonObject().get("text").getAsString())
        .isEqualTo(" failed & `x` ");
    assertThat(
            elements.get(2).getAsJsonObject().getAsJsonObject("style").get("code").getAsBoolean())
        .isTrue();
    assertThat(m.text()).isEqualTo("*etl_*daily* &lt;prod&gt;* failed &amp; `x` `load_*`");
  }

  @Test
  void a_member_with_a_slack_id_is_mentioned_as_a_user_element_and_as_angle_at_in_the_fallback() {
    SlackMessage m =
        renderer.render(
            OutgoingMessage.of(
                RichText.builder().mention(MemberId.of("bob")).text(" is on call").build()));

    JsonObject mention = section(m).get(0).getAsJsonObject();
    assertThat(mention.get("type").getAsString()).isEqualTo("user");
    assertThat(mention.get("user_id").getAsString()).isEqualTo("U0BOB");
    assertThat(m.text()).isEqualTo("<@U0BOB> is on call");
  }

  @Test
  void a_member_without_a_slack_id_is_named_escaped_instead() {
    SlackMessage m =
        renderer.render(
            OutgoingMessage.of(RichText.builder().mention(MemberId.of("carol")).build()));

    assertThat(m.text()).isEqualTo("@Carol _C_ &lt;c@x&gt;");
    assertThat(section(m).get(0).getAsJsonObject().get("text").getAsString())
        .isEqualTo("@Carol _C_ <c@x>");
  }

  @Test
  void links_emoji_and_code_blocks_use_their_own_elements() {
    SlackMessage m =
        renderer.render(
            OutgoingMessage.of(
                RichText.builder()
                    .emoji("fire")
                    .link("logs <1>", "https://airflow/x?a=1&b=2")
                    .newline()
                    .codeBlock("Traceback:\n  x < y & z")
                    .build()));

    JsonArray parts = blocks(m).get(0).getAsJsonObject().getAsJsonArray("elements");
    JsonArray inline = parts.get(0).getAsJsonObject().getAsJsonArray("elements");
    assertThat(inline.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("fire");
    JsonObject link = inline.get(1).getAsJsonObject();
    assertThat(link.get("type").getAsString()).isEqualTo("link");
    assertThat(link.get("url").getAsString()).isEqualTo("https://airflow/x?a=1&b=2");
    assertThat(link.get("text").getAsString()).isEqualTo("logs <1>");
    assertThat(parts.get(1).getAsJsonObject().get("type").getAsString())
        .isEqualTo("rich_text_preformatted");
    assertThat(m.text())
        .isEqualTo(
            ":fire:<https://airflow/x?a=1&amp;b=2|logs &lt;1&gt;>\n"
                + "```Traceback:\n  x &lt; y &amp; z```");
  }

  @Test
  void a_status_post_line_is_an_emoji_element_then_the_stage_name_in_bold() {
    // Seed 001: ":white_check_mark: *Contracts* were calculated and loaded".
    SlackMessage m =
        renderer.render(
            OutgoingMessage.of(
                RichText.builder()
                    .emoji("white_check_mark")
                    .text(" ")
                    .bold("Contracts")
                    .text(" were calculated and loaded")
                    .build()));

    JsonArray line = section(m);
    assertThat(line.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("emoji");
    assertThat(line.get(0).getAsJsonObject().get("name").getAsString())
        .isEqualTo("white_check_mark");
    JsonObject stage = line.get(2).getAsJsonObject();
    assertThat(stage.get("text").getAsString()).isEqualTo("Contracts");
    assertThat(stage.getAsJsonObject("style").get("bold").getAsBoolean()).isTrue();
    assertThat(m.text()).isEqualTo(":white_check_mark: *Contracts* were calculated and loaded");
  }

  @Test
  void buttons_become_an_actions_block_with_unique_action_ids() {
    SlackMessage m =
        renderer.render(
            new OutgoingMessage(
                RichText.plain("Build fail"),
                List.of(
                    new Button("👀 Looking", new ButtonAction.Ack(17)),
                    new Button("Looking (old)", new ButtonAction.AckMessage()))));

    JsonObject actions = blocks(m).get(1).getAsJsonObject();
    assertThat(actions.get("type").getAsString()).isEqualTo("actions");
    JsonArray buttons = actions.getAsJsonArray("elements");
    assertThat(buttons).hasSize(2);
    JsonObject looking = buttons.get(0).getAsJsonObject();
    assertThat(looking.get("action_id").getAsString()).isEqualTo("ack#0");
    assertThat(looking.get("value").getAsString()).isEqualTo("17");
    assertThat(looking.getAsJsonObject("text").get("text").getAsString()).isEqualTo("👀 Looking");
    assertThat(buttons.get(1).getAsJsonObject().get("action_id").getAsString()).isEqualTo("ack#1");
    assertThat(SlackActions.action("ack#1")).isEqualTo("ack");
    assertThat(SlackActions.payload(buttons.get(1).getAsJsonObject().get("value").getAsString()))
        .isEmpty();
  }

  @Test
  void a_long_text_is_cut_with_an_ellipsis_inside_slacks_limit() {
    SlackMessage m = renderer.render(OutgoingMessage.of(RichText.plain("x".repeat(5000))));

    assertThat(m.text()).hasSizeLessThanOrEqualTo(SlackRenderer.MAX_TEXT).endsWith("\u2026");
    int shown = 0;
    for (JsonElement e : section(m)) {
      shown += e.getAsJsonObject().get("text").getAsString().length();
    }
    assertThat(shown).isLessThanOrEqualTo(SlackRenderer.MAX_TEXT + 1);
  }
}
