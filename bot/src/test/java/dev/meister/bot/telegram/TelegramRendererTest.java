package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.RichText;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class TelegramRendererTest {
  private static final Team TEAM =
      new Team(
          List.of(
              member("alice", "Alice", new ChatIdentities("ali_ce", 11L, null, null)),
              member("bob", "Bob <B> & Co", new ChatIdentities(null, 42L, null, null)),
              member("carol", "Carol *C*", ChatIdentities.none())));

  private final TelegramRenderer renderer = new TelegramRenderer(TEAM);

  @Test
  void escapes_only_angle_brackets_and_ampersands() {
    String html = renderer.render(RichText.plain("dag_run *failed* <task> & \"retry\""));

    assertThat(html).isEqualTo("dag_run *failed* &lt;task&gt; &amp; \"retry\"");
  }

  @Test
  void renders_bold_code_code_blocks_and_line_breaks_as_html_tags() {
    RichText text =
        RichText.builder()
            .bold("etl_daily <prod>")
            .text(" failed in ")
            .code("load_*")
            .newline()
            .codeBlock("Traceback:\n  x < y & z")
            .build();

    assertThat(renderer.render(text))
        .isEqualTo(
            "<b>etl_daily &lt;prod&gt;</b> failed in <code>load_*</code>\n"
                + "<pre>Traceback:\n  x &lt; y &amp; z</pre>");
  }

  @Test
  void escapes_quotes_in_link_targets_as_well() {
    RichText text = RichText.builder().link("log <1>", "https://ci/x?a=1&b=\"2\"").build();

    assertThat(renderer.render(text))
        .isEqualTo("<a href=\"https://ci/x?a=1&amp;b=&quot;2&quot;\">log &lt;1&gt;</a>");
  }

  @Test
  void mentions_a_member_by_telegram_username() {
    RichText text = RichText.builder().mention(MemberId.of("alice")).build();

    assertThat(renderer.render(text)).isEqualTo("@ali_ce");
  }

  @Test
  void mentions_a_member_without_username_through_a_user_id_link_with_escaped_name() {
    RichText text = RichText.builder().mention(MemberId.of("bob")).build();

    assertThat(renderer.render(text))
        .isEqualTo("<a href=\"tg://user?id=42\">Bob &lt;B&gt; &amp; Co</a>");
  }

  @Test
  void names_a_member_without_any_telegram_identity_by_display_name() {
    RichText text = RichText.builder().mention(MemberId.of("carol")).build();

    assertThat(renderer.render(text)).isEqualTo("Carol *C*");
  }

  @Test
  void names_an_unknown_member_by_id() {
    RichText text = RichText.builder().mention(MemberId.of("dave_x")).build();

    assertThat(renderer.render(text)).isEqualTo("@dave_x");
  }

  @ParameterizedTest
  @CsvSource({
    "white_check_mark, \u2705",
    "rotating_light, \uD83D\uDEA8",
    "arrow_forward, \u25B6\uFE0F",
    "green_circle, \uD83D\uDFE2",
    "party_parrot, :party_parrot:"
  })
  void renders_emoji_names_as_unicode_or_keeps_unknown_names(String name, String expected) {
    assertThat(renderer.render(RichText.builder().emoji(name).build())).isEqualTo(expected);
  }

  @Test
  void keeps_a_long_message_within_4096_characters() {
    String html = renderer.render(RichText.plain("x".repeat(5000)));

    assertThat(html).hasSize(4096).endsWith("x\u2026");
  }

  @Test
  void closes_a_cut_code_block_before_the_ellipsis() {
    RichText text =
        RichText.builder().text("Log:").newline().codeBlock("line\n".repeat(2000)).build();

    String html = renderer.render(text);

    assertThat(html)
        .hasSizeLessThanOrEqualTo(4096)
        .startsWith("Log:\n<pre>line")
        .endsWith("</pre>\u2026");
    assertBalanced(html);
  }

  @Test
  void never_cuts_inside_an_entity() {
    TelegramRenderer small = new TelegramRenderer(TEAM, 20);

    String html = small.render(RichText.builder().bold("a&&&&&&&&&&").build());

    assertThat(html).isEqualTo("<b>a&amp;&amp;</b>\u2026");
  }

  @Test
  void drops_a_mention_that_does_not_fit_instead_of_cutting_it() {
    TelegramRenderer small = new TelegramRenderer(TEAM, 20);
    RichText text = RichText.builder().text("on call: ").mention(MemberId.of("bob")).build();

    assertThat(small.render(text)).isEqualTo("on call: \u2026");
  }

  @Test
  void never_splits_a_surrogate_pair() {
    TelegramRenderer small = new TelegramRenderer(TEAM, 16);

    String html = small.render(RichText.plain("abcdefghijklmn\uD83D\uDD25z"));

    assertThat(html).isEqualTo("abcdefghijklmn\u2026");
  }

  @Test
  void leaves_a_message_that_fits_exactly_untouched() {
    TelegramRenderer small = new TelegramRenderer(TEAM, 20);

    assertThat(small.render(RichText.builder().bold("x".repeat(13)).build()))
        .isEqualTo("<b>" + "x".repeat(13) + "</b>");
  }

  private static void assertBalanced(String html) {
    Matcher tags = Pattern.compile("<(/?)(b|code|pre|a)[ >]").matcher(html);
    int depth = 0;
    while (tags.find()) {
      depth += tags.group(1).isEmpty() ? 1 : -1;
      assertThat(depth).as("tag depth in %s", html).isBetween(0, 1);
    }
    assertThat(depth).as("unclosed tags in %s", html).isZero();
    assertThat(html).doesNotContainPattern("&[a-z]*$|&[a-z]*[^a-z;]");
  }

  private static Member member(String id, String name, ChatIdentities chat) {
    return new Member(MemberId.of(id), name, chat, null, Set.of());
  }
}
