package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AckPhrasesTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "looking | true",
        "Looking! | true",
        "  LOOKING INTO IT.  | true",
        "on it | true",
        "On it!!! | true",
        "ack | true",
        "/ack | true",
        "/ACK | true",
        "👀 | true",
        "I'm on it | true",
        "i’m on it. | true",
        "not looking | false",
        "looking good | false",
        "/ack 42 | false",
        "on | false",
        "'' | false",
        "?! | false",
      })
  void recognises_phrases_that_mean_looking(String text, boolean expected) {
    assertThat(AckPhrases.meansLooking(text)).isEqualTo(expected);
  }
}
