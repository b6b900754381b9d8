package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
    "bid_ask*,        bid_ask_1m,         true",
    "bid_ask*,        BID_ASK_1m,         true",
    "bid_ask*,        x_bid_ask,          false",
    "ohlcv*,          OHLCV_daily,        true",
    "*,               anything,           true",
    "*,               '',                 true",
    "fast_tests.yml,  fast_tests.yml,     true",
    "fast_tests.yml,  fast_testsxyml,     false",
    "run_?.yml,       run_a.yml,          true",
    "run_?.yml,       run_ab.yml,         false",
    "run_?.yml,       run_.yml,           false",
    "region-[abc],    region-b,           true",
    "region-[abc],    region-B,           true",
    "region-[abc],    region-d,           false",
    "region-[!abc],   region-d,           true",
    "region-[!abc],   region-a,           false",
    "v[0-9],          v7,                 true",
    "v[0-9],          vx,                 false",
    "a[-]b,           a-b,                true",
    "cm[,             cm[,                true",
    "a+b(c),          a+b(c),             true",
    "a+b(c),          aab(c),             false",
    "causify-ai/*,    causify-ai/cmamp,   true",
    "causify-ai/*,    other/cmamp,        false",
    "master,          main,               false",
  })
  void matches_the_whole_text_case_insensitively(String glob, String text, boolean expected) {
    assertThat(Glob.of(glob).matches(text)).isEqualTo(expected);
  }

  @Test
  void many_stars_match_in_linear_time() {
    // A regex translation backtracked exponentially on this (Jazzer flagged the pattern built from
    // /silence's input as a regular expression injection, CommandArgumentsFuzzTest).
    Glob glob = Glob.of("*a*a*a*a*a*a*a*a*a*a*a*a*b");
    String text = "a".repeat(5_000);

    assertThat(glob.matches(text)).isFalse();
    assertThat(glob.matches(text + "b")).isTrue();
  }

  @Test
  void prints_as_its_pattern() {
    assertThat(Glob.of("bid_ask*")).hasToString("bid_ask*");
  }

  @Test
  void equal_patterns_are_equal() {
    assertThat(Glob.of("a*")).isEqualTo(Glob.of("a*")).isNotEqualTo(Glob.of("b*"));
  }

  @Test
  void a_blank_pattern_is_rejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.of(" "))
        .withMessage("glob may not be blank");
  }

  @Test
  void a_backwards_range_is_rejected_with_the_glob_named() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.of("v[9-0]"))
        .withMessage("glob 'v[9-0]' is not valid: Illegal character range");
  }
}
