package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class CsvTest {
  @Test
  void fields_with_commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says() {
    String csv = Csv.write(List.of(List.of("a", "b,c", "say \"hi\"", "two\nlines", "")));

    assertThat(csv).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  }

  @Test
  void what_is_written_reads_back_the_same() {
    List<List<String>> rows =
        List.of(
            List.of("date", "reason", "solution"),
            List.of(
                "2026-11-23 05:00",
                "Merged a branch with broken tests",
                "Tests disabled, \"for now\""),
            List.of("", "x\r\ny", "ünïcode, ✅"));

    assertThat(Csv.parse(Csv.write(rows))).isEqualTo(rows);
  }

  @Test
  void an_unclosed_quote_is_an_error() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Csv.parse("\"abc\r\n"))
        .withMessage("a quoted field is not closed");
  }
}
