package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The file of a failing test, so its last committers can be asked (seed 002: "If you know who is in
 * charge of that test (you can use `git blame`) ask directly").
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TestFilesTest {
  @ParameterizedTest
  @CsvSource({
    "knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean,"
        + " knowledge_graph/vendors/test/test_utils.py",
    "test_root.py::test_one, test_root.py",
    "com.example.billing.InvoiceTest.parsesCurrency,"
        + " src/test/java/com/example/billing/InvoiceTest.java",
    "com.example.Outer$InnerTest.works, src/test/java/com/example/Outer.java",
  })
  void the_file_is_the_pytest_path_or_the_junit_class_at_mavens_layout(String test, String file) {
    assertThat(TestFiles.of(test)).contains(file);
  }

  @ParameterizedTest
  @CsvSource({"github.com/acme/widgets/pkg", "lowercase.only.names", "a..B"})
  void a_name_that_points_to_no_file_gives_none(String test) {
    assertThat(TestFiles.of(test)).isEqualTo(Optional.empty());
  }
}
