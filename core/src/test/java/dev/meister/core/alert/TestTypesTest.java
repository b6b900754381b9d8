package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class TestTypesTest {
  private static final TestTypes TYPES =
      new TestTypes(
          Map.of(
              "fast_tests.yml", "fast",
              "Slow Tests", "slow",
              "superslow_tests.yml", "superslow"));

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        ".github/workflows/fast_tests.yml,      Fast tests,   fast",
        ".github/workflows/FAST_TESTS.yml,      null,         fast",
        ".github/workflows/other.yml,           slow tests,   slow",
        ".github/workflows/superslow_tests.yml, Slow Tests,   superslow",
        ".github/workflows/run_tests.yml,       Run Tests,    run_tests",
        "run_tests.yaml,                        null,         run_tests",
        "null,                                  Nightly Lint, nightly lint",
        "'',                                    Nightly Lint, nightly lint",
        "null,                                  null,         build",
        "'',                                    '',           build",
      })
  void picks_the_configured_type_then_falls_back_to_the_file_then_the_name(
      @Nullable String path, @Nullable String name, String expected) {
    assertThat(TYPES.typeOf(path, name)).isEqualTo(expected);
  }
}
