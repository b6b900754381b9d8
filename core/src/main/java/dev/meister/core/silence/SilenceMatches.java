package dev.meister.core.silence;

import dev.meister.core.alert.AlertMatch;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.Glob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A silence's match written as {@code field=glob} words, e.g. {@code dag=ohlcv_*} or {@code
 * repo=cryptokaizen/cmamp branch=feature/*}: the fields and globs of a route's {@code match} (the
 * same {@link AlertMatch}, so a silence matches exactly what a route with that match would), with
 * {@code tags=a,b} for DAG tags. The same text is how a silence is stored and shown.
 */
public final class SilenceMatches {
  /** The fields a match may name, as a route's {@code match} does. */
  public static final List<String> FIELDS =
      List.of("source", "repo", "workflow", "branch", "dag", "task", "tags", "region");

  private SilenceMatches() {}

  /** Whether {@code word} is a {@code field=value} word (of any field, known or not). */
  public static boolean isCriterion(String word) {
    int eq = word.indexOf('=');
    return eq > 0 && word.substring(0, eq).matches("[A-Za-z_]+");
  }

  /**
   * Reads {@code field=glob} words into a match.
   *
   * @throws IllegalArgumentException in one line: an unknown field, a field given twice, an empty
   *     value, a bad glob or source
   */
  public static AlertMatch parse(List<String> words) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "'" + word + "' is not a criterion like dag=ohlcv_* (fields: " + fieldList() + ").");
      }
      String field = word.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = word.substring(eq + 1).trim();
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "'" + field + "' is not a match field; use " + fieldList() + ".");
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException("'" + field + "=' needs a value, e.g. dag=ohlcv_*.");
      }
      if (fields.put(field, value) != null) {
        throw new IllegalArgumentException("'" + field + "' is given twice.");
      }
    }
    return of(fields);
  }

  /**
   * The match as stored: one {@code field=glob} per line, since a configured glob may hold spaces
   * (a workflow's name). {@link #decode} reads it back.
   */
  public static String encode(AlertMatch m) {
    return String.join("\n", words(m));
  }

  /** Reads {@link #encode}'s form back. */
  public static AlertMatch decode(String text) {
    return text.isBlank() ? AlertMatch.anything() : parse(Arrays.asList(text.split("\n")));
  }

  /** {@code source=airflow dag=ohlcv_*}: the match as written; {@code *} for one matching all. */
  public static String describe(AlertMatch m) {
    List<String> words = words(m);
    return words.isEmpty() ? "*" : String.join(" ", words);
  }

  private static List<String> words(AlertMatch m) {
    List<String> words = new ArrayList<>();
    if (m.source() != null) {
      words.add("source=" + (m.source() == AlertSource.AIRFLOW ? "airflow" : "github"));
    }
    add(words, "repo", m.repo());
    add(words, "workflow", m.workflow());
    add(words, "branch", m.branch());
    add(words, "dag", m.dag());
    add(words, "task", m.task());
    if (!m.tags().isEmpty()) {
      words.add("tags=" + String.join(",", m.tags()));
    }
    add(words, "region", m.region());
    return words;
  }

  /** Whether the match has no criterion at all: it silences every alert. */
  public static boolean matchesEverything(AlertMatch m) {
    return m.equals(AlertMatch.anything());
  }

  private static AlertMatch of(Map<String, String> f) {
    String tags = f.get("tags");
    AlertSource source = source(f.get("source"));
    try {
      return new AlertMatch(
          source,
          glob(f.get("repo")),
          glob(f.get("workflow")),
          glob(f.get("branch")),
          glob(f.get("dag")),
          glob(f.get("task")),
          tags == null ? List.of() : Arrays.asList(tags.split(",")),
          glob(f.get("region")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ".", e);
    }
  }

  private static @Nullable AlertSource source(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "github" -> AlertSource.GITHUB_ACTIONS;
      case "airflow" -> AlertSource.AIRFLOW;
      default ->
          throw new IllegalArgumentException(
              "source '" + text + "' is neither github nor airflow.");
    };
  }

  private static @Nullable Glob glob(@Nullable String pattern) {
    return pattern == null ? null : Glob.of(pattern);
  }

  private static void add(List<String> words, String field, @Nullable Glob glob) {
    if (glob != null) {
      words.add(field + "=" + glob);
    }
  }

  private static String fieldList() {
    return String.join(", ", FIELDS);
  }
}
