package dev.meister.core.filing;

import java.util.Optional;

/**
 * The file a failing test lives in, as the commits API's {@code path=} needs it: pytest names it
 * ({@code a/b/test/test_x.py::C::t} → {@code a/b/test/test_x.py}); for Surefire's {@code
 * a.b.CTest.m} it is guessed at Maven's standard layout ({@code src/test/java/a/b/CTest.java}), the
 * only place a name without a path points to.
 */
final class TestFiles {
  private TestFiles() {}

  static Optional<String> of(String testId) {
    int pytest = testId.indexOf("::");
    if (pytest > 0) {
      return Optional.of(testId.substring(0, pytest));
    }
    if (testId.contains("/") || testId.isBlank()) {
      return Optional.empty();
    }
    String[] parts = testId.split("\\.", -1);
    StringBuilder path = new StringBuilder("src/test/java");
    for (String part : parts) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
      path.append('/');
      if (Character.isUpperCase(part.charAt(0))) {
        // The class; a nested class ($) lives in its outer class's file.
        int nested = part.indexOf('$');
        return Optional.of(path.append(nested < 0 ? part : part.substring(0, nested)) + ".java");
      }
      path.append(part);
    }
    return Optional.empty();
  }
}
