package dev.meister.bot.config;

import dev.meister.core.alert.Glob;
import dev.meister.core.buildhint.BuildHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code build_hints}: runbook hints for red builds, each {@code match: {repo, workflow, job,
 * step}} (globs), an optional log {@code pattern}, the {@code hint} and an optional {@code runbook}
 * link.
 */
final class BuildHintsSection {
  private static final List<String> KEYS = List.of("match", "pattern", "hint", "runbook");
  private static final List<String> MATCH_KEYS = List.of("repo", "workflow", "job", "step");

  private final Problems problems;

  BuildHintsSection(Problems problems) {
    this.problems = problems;
  }

  List<BuildHint> read(@Nullable YNode node) {
    List<BuildHint> hints = new ArrayList<>();
    for (Fields f : Fields.mappings(node, "build_hints", problems, KEYS)) {
      int before = problems.count();
      Fields match = f.map("match", false, MATCH_KEYS);
      Optional<Glob> repo = glob(match, "repo");
      Optional<Glob> workflow = glob(match, "workflow");
      Optional<Glob> job = glob(match, "job");
      Optional<Glob> step = glob(match, "step");
      Optional<Pattern> pattern =
          Optional.ofNullable(f.value("pattern", false, BuildHint::pattern));
      String advice = f.text("hint", true);
      Optional<String> runbook =
          Optional.ofNullable(f.value("runbook", false, BuildHintsSection::httpUrl));
      if (advice == null || problems.count() > before) {
        continue;
      }
      try {
        hints.add(new BuildHint(repo, workflow, job, step, pattern, advice, runbook));
      } catch (IllegalArgumentException e) {
        problems.add(f.line(), f.path(), String.valueOf(e.getMessage()));
      }
    }
    return hints;
  }

  private static String httpUrl(String text) {
    if (!text.startsWith("http://") && !text.startsWith("https://")) {
      throw new IllegalArgumentException("'" + text + "' must be an http:// or https:// URL");
    }
    return text;
  }

  private static Optional<Glob> glob(@Nullable Fields match, String key) {
    return match == null
        ? Optional.empty()
        : Optional.ofNullable(match.value(key, false, Glob::of));
  }
}
