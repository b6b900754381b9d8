package dev.meister.bot.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file, so loading reports them all at once. */
final class Problems {
  private final Path file;
  private final List<ConfigProblem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  void add(int line, String path, String message) {
    // The root has the empty path; a problem with it is the file's (found by ConfigLoaderFuzzTest:
    // a file that is a list printed "meister.yml:1: : must be a mapping").
    found.add(new ConfigProblem(file, line, path.isEmpty() ? "(file)" : path, message));
  }

  void add(YNode node, String path, String message) {
    add(node.line(), path, message);
  }

  int count() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** By line, keeping the order found for problems on the same line. */
  List<ConfigProblem> sorted() {
    List<ConfigProblem> all = new ArrayList<>(found);
    all.sort(Comparator.comparingInt(ConfigProblem::line));
    return List.copyOf(all);
  }
}
