package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What changes from run to run is masked, so the same error matches in a later run. */
class ErrorSignatureTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AssertionError: dir='/fsx/kg/releases/v0.5.2' missing | AssertionError: dir='<path>' missing",
        "OSError: /tmp/pytest-of-runner/pytest-17/test_a0/out.csv | OSError: <path>",
        "timed out at 2026-11-23T05:00:06.439Z after 30s | timed out at <time> after <n>s",
        "Foo@1b6d3586 is closed | Foo@<hex> is closed",
        "segfault at 0x7ffd5e2c | segfault at <hex>",
        "run 3f2c9a1b7e8d4c60 failed | run <hex> failed",
        "job 123e4567-e89b-12d3-a456-426614174000 lost | job <id> lost",
        "expected: <10.02> but was: <10.03> | expected: <<n>> but was: <<n>>",
        "see https://example.com/a/b for test1 | see https://example.com/a/b for test1",
      })
  void volatile_parts_are_masked(String line, String signature) {
    assertThat(ErrorSignature.of(line).text()).isEqualTo(signature);
  }
}
