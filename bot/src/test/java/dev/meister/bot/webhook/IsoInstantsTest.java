package dev.meister.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020-10-05T16:33:49Z",
        "1970-01-01T00:00:00Z",
        "2024-02-29T23:59:59Z",
        "1969-12-31T23:59:59Z",
        "9999-12-31T23:59:59Z",
        "2020-10-05T16:33:49.123Z",
        "2020-10-05T16:33:49+02:00",
        "2026-03-29T01:30:00Z",
        "2020-10-05T24:00:00Z"
      })
  void parses_as_the_general_parser_does(String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-02-30T10:00:00Z",
        "2020-10-05T25:00:00Z",
        "2020-10-05T16:60:00Z",
        "2020-13-05T16:33:49Z",
        "2020-10-05 16:33:49Z",
        "2020-10-05T16:33:49",
        "yesterday",
        "",
        "2020-1a-05T16:33:49Z"
      })
  void rejects_what_the_general_parser_rejects(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
