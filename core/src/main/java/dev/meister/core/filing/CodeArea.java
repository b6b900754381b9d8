package dev.meister.core.filing;

import dev.meister.core.validation.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where in the codebase a failing test lives: its directory without the {@code test}/{@code tests}
 * folder (pytest), its package (JUnit) or its Go package. Seed 002 asks to keep issues "grouped
 * according to the codebase organization", and this is that organization.
 *
 * @param path e.g. {@code knowledge_graph/vendors}, {@code com.example.billing}, or {@code .} for
 *     the repository's root
 */
public record CodeArea(String path) {
  /** Tests at the root of the repository. */
  public static final CodeArea ROOT = new CodeArea(".");

  public CodeArea {
    Checks.notBlank(path, "path");
  }

  /**
   * The area of a test as pytest or Surefire names it: {@code a/b/test/test_x.py::C::t} → {@code
   * a/b}; {@code a.b.CTest.m} → {@code a.b}; a class without a package is its own area.
   */
  public static CodeArea ofTest(String testId) {
    int pytest = testId.indexOf("::");
    if (pytest >= 0) {
      return ofFile(testId.substring(0, pytest));
    }
    List<String> parts = Arrays.asList(testId.split("\\."));
    List<String> pkg = new ArrayList<>();
    for (String part : parts) {
      if (part.isEmpty() || Character.isUpperCase(part.charAt(0))) {
        break; // the class: what comes before it is the package
      }
      pkg.add(part);
    }
    if (!pkg.isEmpty() && pkg.size() < parts.size()) {
      return new CodeArea(String.join(".", pkg));
    }
    return parts.size() > 1 && !parts.get(0).isEmpty() ? new CodeArea(parts.get(0)) : ROOT;
  }

  /** The area of a test file: its folder, without trailing {@code test} or {@code tests}. */
  static CodeArea ofFile(String file) {
    List<String> dirs = new ArrayList<>(Arrays.asList(file.split("/")));
    dirs.remove(dirs.size() - 1);
    while (!dirs.isEmpty()
        && (dirs.get(dirs.size() - 1).equals("test")
            || dirs.get(dirs.size() - 1).equals("tests"))) {
      dirs.remove(dirs.size() - 1);
    }
    dirs.removeIf(String::isEmpty);
    return dirs.isEmpty() ? ROOT : new CodeArea(String.join("/", dirs));
  }

  @Override
  public String toString() {
    return path;
  }
}
