package dev.meister.bot.config;

import dev.meister.core.alert.AlertSource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a route or priority rule applies to. Every given field must match; an absent field matches
 * anything, so an empty match is a catch-all. Text fields are globs ({@code *}, {@code ?}).
 *
 * @param tags Airflow DAG tags that must all be present
 */
public record MatchConfig(
    @Nullable AlertSource source,
    @Nullable String repo,
    @Nullable String workflow,
    @Nullable String branch,
    @Nullable String dag,
    @Nullable String task,
    List<String> tags,
    @Nullable String region) {

  public MatchConfig {
    tags = List.copyOf(tags);
  }

  public static MatchConfig anything() {
    return new MatchConfig(null, null, null, null, null, null, List.of(), null);
  }

  public boolean isCatchAll() {
    return equals(anything());
  }
}
