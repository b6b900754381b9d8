package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class FailureSignatureTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Timeout after 300s on 2026-11-20T03:00:00 | Timeout after <n>s on <ts>",
        "Timeout after 301.5s on 2026-11-21 03:00:00.123+00:00 | Timeout after <n>s on <ts>",
        "run 2026-11-20 failed | run <ts> failed",
        "KeyError: 'BTC_USDT' | KeyError: <str>",
        "ValueError: bad symbol \"ETH\" in row 17 | ValueError: bad symbol <str> in row <n>",
        "job 3f2a9c1e7b not found | job <hex> not found",
        "at 0x7f3a2b1c9d00 | at <hex>",
        "run 123e4567-e89b-12d3-a456-426614174000 died | run <uuid> died",
        "the deadbeef cafe | the deadbeef cafe",
        "  too   many\tspaces  | too many spaces",
        "No such file: /data/bid_ask/2026/11/20.csv | No such file: /data/bid_ask/<n>/<n>/<n>.csv",
      })
  void replaces_what_changes_from_run_to_run(String line, String expected) {
    assertThat(FailureSignature.normalise(line)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ValueError: bad symbol | ValueError",
        "airflow.exceptions.AirflowTaskTimeout: Timeout, PID: 123 |"
            + " airflow.exceptions.AirflowTaskTimeout",
        "Timeout after 300s on 2026-11-20T03:00:00 | Error",
        "Task received SIGTERM signal | Error",
        "KeyboardInterrupt | KeyboardInterrupt",
        "'' | Error",
      })
  void the_exception_type_is_the_class_name_before_the_first_colon(String line, String type) {
    assertThat(FailureSignature.exceptionType(line)).isEqualTo(type);
  }

  @Test
  void the_headline_is_the_first_line() {
    assertThat(FailureSignature.headline("\n  ValueError: x\n  at line 3\n"))
        .isEqualTo("ValueError: x");
  }

  @Test
  void the_headline_of_a_python_traceback_is_its_last_line() {
    String traceback =
        """
        Traceback (most recent call last):
          File "dag.py", line 3, in run
        KeyError: 'x'
        """;

    assertThat(FailureSignature.headline(traceback)).isEqualTo("KeyError: 'x'");
  }

  @Test
  void the_hash_is_twelve_hex_digits_of_sha256_of_the_normalised_line() {
    // sha256("Timeout after <n>s on <ts>"), computed independently with sha256sum.
    assertThat(FailureSignature.hash("Timeout after 300s on 2026-11-20T03:00:00"))
        .isEqualTo(EXPECTED_TIMEOUT_HASH);
  }

  private static final String EXPECTED_TIMEOUT_HASH = "033963c41a98";
}
