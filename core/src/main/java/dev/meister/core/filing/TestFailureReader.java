package dev.meister.core.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds each failed test's own first error line and error block in a cleaned job log, so failures
 * can be grouped by root cause: pytest's failure blocks and short summary, Surefire's per-test
 * lines and summary, {@code go test}'s {@code --- FAIL:} output and package line.
 */
final class TestFailureReader {
  /** {@code FAILED path::Class::test - KeyError: ...} in pytest's short test summary. */
  private static final Pattern PYTEST_SUMMARY =
      Pattern.compile("^(?:FAILED|ERROR) (\\S+::\\S+?) - (.*)$");

  /** {@code InvoiceTest.roundsHalfEven:57 expected: ...} in Surefire's results. */
  private static final Pattern SUREFIRE_SUMMARY =
      Pattern.compile("^(?:\\[ERROR\\])? +([\\w$.]+\\.[\\w$]+):\\d+ (.*)$");

  /** {@code FAIL example.com/widgets/parse 0.012s}, after a Go package's failed tests. */
  private static final Pattern GO_PACKAGE = Pattern.compile("^FAIL\\s+(\\S+)\\s+[\\d.]+s$");

  private final List<String> lines;
  private final UnaryOperator<List<String>> cap;

  TestFailureReader(List<String> lines, UnaryOperator<List<String>> cap) {
    this.lines = List.copyOf(lines);
    this.cap = cap;
  }

  List<TestFailure> read(List<String> tests) {
    List<TestFailure> read = new ArrayList<>();
    for (String test : tests) {
      read.add(test.contains("::") ? pytest(test) : javaOrGo(test));
    }
    return withSubtestErrors(read);
  }

  private TestFailure pytest(String test) {
    // The block's header is the id after the file: Class.method, or the function's name.
    String header = test.substring(test.indexOf("::") + 2).replace("::", ".");
    List<String> block = List.of();
    for (int i = 0; i < lines.size(); i++) {
      Matcher h = FailureExtractor.PYTEST_HEADER.matcher(lines.get(i));
      if (h.matches() && h.group(1).equals(header)) {
        block = FailureExtractor.pytestBlock(lines, i);
        break;
      }
    }
    String error =
        block.stream()
            .filter(l -> l.startsWith("E "))
            .map(l -> l.substring(1).strip())
            .findFirst()
            .or(() -> pytestSummary(test))
            .orElse("");
    return new TestFailure(test, CodeArea.ofTest(test), error, cap.apply(block));
  }

  private Optional<String> pytestSummary(String test) {
    for (String line : lines) {
      Matcher m = PYTEST_SUMMARY.matcher(line);
      if (m.matches() && m.group(1).equals(test)) {
        return Optional.of(m.group(2));
      }
    }
    return Optional.empty();
  }

  private TestFailure javaOrGo(String test) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (surefireNames(line, test)) {
        List<String> trace = FailureExtractor.javaTrace(lines, i + 1);
        String error = trace.isEmpty() ? "" : trace.get(0);
        return new TestFailure(test, CodeArea.ofTest(test), error, cap.apply(trace));
      }
      Matcher go = FailureExtractor.GO_FAIL.matcher(line);
      if (go.find() && go.group(1).equals(test)) {
        List<String> output = FailureExtractor.goOutput(lines, i);
        String error = output.size() > 1 ? output.get(1).strip() : "";
        return new TestFailure(test, goPackage(i), error, cap.apply(output));
      }
    }
    for (String line : lines) {
      Matcher m = SUREFIRE_SUMMARY.matcher(line);
      if (m.matches() && m.group(1).equals(test)) {
        return new TestFailure(test, CodeArea.ofTest(test), m.group(2), List.of());
      }
    }
    return new TestFailure(test, CodeArea.ofTest(test), "", List.of());
  }

  private static boolean surefireNames(String line, String test) {
    Matcher now = FailureExtractor.SUREFIRE_TEST.matcher(line);
    if (now.matches()) {
      return now.group(1).equals(test);
    }
    Matcher old = FailureExtractor.SUREFIRE_OLD_TEST.matcher(line);
    return old.matches() && (old.group(2) + "." + old.group(1)).equals(test);
  }

  /** The package {@code go test} names after the failed test at line {@code from}. */
  private CodeArea goPackage(int from) {
    for (int i = from + 1; i < lines.size(); i++) {
      Matcher m = GO_PACKAGE.matcher(lines.get(i));
      if (m.matches()) {
        return new CodeArea(m.group(1));
      }
    }
    return CodeArea.ROOT;
  }

  /**
   * A Go test that failed only through its subtests logs no error of its own; it takes its first
   * failed subtest's, so parent and subtest land in the same group.
   */
  private static List<TestFailure> withSubtestErrors(List<TestFailure> read) {
    List<TestFailure> out = new ArrayList<>();
    for (TestFailure f : read) {
      Optional<TestFailure> sub =
          f.errorLine().isEmpty()
              ? read.stream()
                  .filter(s -> s.test().startsWith(f.test() + "/") && !s.errorLine().isEmpty())
                  .findFirst()
              : Optional.empty();
      out.add(
          sub.map(s -> new TestFailure(f.test(), s.area(), s.errorLine(), s.trace())).orElse(f));
    }
    return out;
  }
}
