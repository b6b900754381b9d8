package dev.meister.bot.webhook;

import java.util.Optional;

/**
 * This instance's part among the instances sharing its database, as {@code /health} reports it.
 *
 * @param role {@code leader} or {@code follower}
 * @param instance this instance's name in the leader lease; empty for the only instance on its
 *     database (SQLite), which always leads
 * @param leader who leads now by the database, when anyone does
 */
public record ClusterRole(String role, Optional<String> instance, Optional<String> leader) {
  public static final String LEADER = "leader";
  public static final String FOLLOWER = "follower";

  /** The only instance on its database: it always leads. */
  public static ClusterRole alone() {
    return new ClusterRole(LEADER, Optional.empty(), Optional.empty());
  }
}
