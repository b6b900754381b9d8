package dev.meister.core.filing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads failing tests and the first error block out of a CI job log: pytest ({@code FAILED
 * path::Class::test}), Maven Surefire ({@code <<< FAILURE!}, {@code Tests in error:}) and Go
 * ({@code --- FAIL:}). GitHub Actions prefixes every log line with a timestamp; it is dropped.
 */
public final class FailureExtractor {
  /** {@code 2026-11-23T05:00:00.1370000Z } as GitHub Actions writes it before every line. */
  private static final Pattern TIMESTAMP =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z ?");

  static final Pattern PYTEST_FAILED =
      Pattern.compile("^(?:FAILED|ERROR) (\\S+::\\S+?)(?: - .*)?$");

  /** Surefire 3: {@code [ERROR] pkg.Class.method -- Time elapsed: 0.011 s <<< FAILURE!}. */
  static final Pattern SUREFIRE_TEST =
      Pattern.compile(
          "^(?:\\[ERROR\\] )?([\\w$.]+\\.[\\w$]+)(?:\\(.*\\))? +-- Time elapsed:"
              + ".*<<< (?:FAILURE|ERROR)!$");

  /** Surefire 2: {@code method(pkg.Class) Time elapsed: 0.011 sec <<< FAILURE!}. */
  static final Pattern SUREFIRE_OLD_TEST =
      Pattern.compile(
          "^(?:\\[ERROR\\] )?([\\w$]+)\\(([\\w$.]+)\\) +Time elapsed:.*<<< "
              + "(?:FAILURE|ERROR)!$");

  /** A line in the summary sections: {@code InvoiceTest.roundsHalfEven:57 expected...}. */
  private static final Pattern SUREFIRE_SUMMARY_ITEM =
      Pattern.compile("^(?:\\[ERROR\\])? +([\\w$.]+\\.[\\w$]+)(?::\\d+)?(?: .*)?$");

  private static final Pattern SUREFIRE_SUMMARY_HEAD =
      Pattern.compile("^(?:\\[ERROR\\] )?(?:Failed tests|Tests in error|Failures|Errors): *$");
  static final Pattern GO_FAIL = Pattern.compile("^\\s*--- FAIL: (\\S+)");
  static final Pattern PYTEST_HEADER = Pattern.compile("^_{3,} (.+?) _{3,}$");
  static final Pattern PYTEST_SECTION = Pattern.compile("^={3,}.*={3,}$");

  private final int maxTraceLines;

  /**
   * @param maxTraceLines how many lines of the first error block to keep
   */
  public FailureExtractor(int maxTraceLines) {
    if (maxTraceLines < 1) {
      throw new IllegalArgumentException("maxTraceLines must be at least 1");
    }
    this.maxTraceLines = maxTraceLines;
  }

  /** The failures named in {@code log}; {@link Failures#none()} when it names none. */
  public Failures extract(String log) {
    List<String> lines = clean(log);
    return new Failures(tests(lines), cap(trace(lines)));
  }

  /** Each failed test named in {@code log} with its own error line and trace, in log order. */
  public List<TestFailure> byTest(String log) {
    List<String> lines = clean(log);
    return new TestFailureReader(lines, this::cap).read(tests(lines));
  }

  /** The log's lines without GitHub's timestamps, trailing blanks and carriage returns. */
  static List<String> clean(String log) {
    List<String> lines = new ArrayList<>();
    for (String raw : log.split("\r?\n", -1)) {
      lines.add(TIMESTAMP.matcher(raw).replaceFirst("").stripTrailing());
    }
    return lines;
  }

  private static List<String> tests(List<String> lines) {
    Set<String> tests = new LinkedHashSet<>();
    boolean inSummary = false;
    Set<String> summary = new LinkedHashSet<>();
    for (String line : lines) {
      testNamed(line).ifPresent(tests::add);
      Matcher item = SUREFIRE_SUMMARY_ITEM.matcher(line);
      if (SUREFIRE_SUMMARY_HEAD.matcher(line).matches()) {
        inSummary = true;
      } else if (inSummary && item.matches()) {
        summary.add(item.group(1));
      } else {
        inSummary = false;
      }
    }
    // The summary names tests by simple class name; use it only when nothing better was found.
    if (tests.isEmpty()) {
      tests.addAll(summary);
    }
    return new ArrayList<>(tests);
  }

  /** The failed test a line of pytest, Surefire or {@code go test} output names, if any. */
  private static Optional<String> testNamed(String line) {
    Matcher pytest = PYTEST_FAILED.matcher(line);
    if (pytest.matches()) {
      return Optional.of(pytest.group(1));
    }
    Matcher surefire = SUREFIRE_TEST.matcher(line);
    if (surefire.matches()) {
      return Optional.of(surefire.group(1));
    }
    Matcher old = SUREFIRE_OLD_TEST.matcher(line);
    if (old.matches()) {
      return Optional.of(old.group(2) + "." + old.group(1));
    }
    Matcher go = GO_FAIL.matcher(line);
    return go.find() ? Optional.of(go.group(1)) : Optional.empty();
  }

  private static List<String> trace(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("Traceback (most recent call last)")) {
        return pythonTraceback(lines, i);
      }
      if (PYTEST_SECTION.matcher(line).matches() && line.contains(" FAILURES ")) {
        return pytestBlock(lines, i + 1);
      }
      if (SUREFIRE_TEST.matcher(line).matches() || SUREFIRE_OLD_TEST.matcher(line).matches()) {
        return javaTrace(lines, i + 1);
      }
      if (GO_FAIL.matcher(line).find()) {
        return goOutput(lines, i);
      }
    }
    return List.of();
  }

  /** From the first test's header to the next header or section line. */
  static List<String> pytestBlock(List<String> lines, int from) {
    List<String> block = new ArrayList<>();
    boolean started = false;
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean header = PYTEST_HEADER.matcher(line).matches();
      if (started && (header || PYTEST_SECTION.matcher(line).matches())) {
        break;
      }
      if (header) {
        started = true;
      }
      block.add(line);
    }
    return trim(block);
  }

  private static List<String> pythonTraceback(List<String> lines, int from) {
    List<String> block = new ArrayList<>();
    block.add(lines.get(from));
    for (int i = from + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      block.add(line);
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        break; // the exception line ends the traceback
      }
    }
    return trim(block);
  }

  static List<String> javaTrace(List<String> lines, int from) {
    List<String> block = new ArrayList<>();
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean frame =
          line.startsWith("\tat ")
              || line.startsWith("    at ")
              || line.startsWith("Caused by:")
              || line.startsWith("\t... ");
      if (!block.isEmpty() && !frame) {
        break;
      }
      if (block.isEmpty() && (line.isBlank() || line.startsWith("[INFO]"))) {
        break;
      }
      block.add(line);
    }
    return block;
  }

  static List<String> goOutput(List<String> lines, int from) {
    List<String> block = new ArrayList<>();
    block.add(lines.get(from).strip());
    for (int i = from + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()
          || !Character.isWhitespace(line.charAt(0))
          || GO_FAIL.matcher(line).find()) {
        break;
      }
      block.add(line);
    }
    return block;
  }

  private static List<String> trim(List<String> block) {
    int start = 0;
    int end = block.size();
    while (start < end && block.get(start).isBlank()) {
      start++;
    }
    while (end > start && block.get(end - 1).isBlank()) {
      end--;
    }
    return block.subList(start, end);
  }

  List<String> cap(List<String> trace) {
    if (trace.size() <= maxTraceLines) {
      return trace;
    }
    List<String> kept = new ArrayList<>(trace.subList(0, maxTraceLines));
    kept.add("… (" + (trace.size() - maxTraceLines) + " more lines)");
    return kept;
  }
}
