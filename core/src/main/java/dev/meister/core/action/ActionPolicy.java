package dev.meister.core.action;

import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which runbook actions a route's or a pipeline's alerts allow, who may ask for them and which need
 * whose approval first (seed 000: disabling a DAG "should only be done after the approval from the
 * team leader").
 *
 * @param allowed the actions offered; none by default
 * @param requesters who may ask for one; any of them
 * @param approval per action, who may approve it (any one of them, never the requester); an action
 *     not listed needs nobody's approval
 * @param expireAfter how long a request waits for its confirmation and approval
 * @param airflow the Airflow instance the alerts' DAG runs live on; empty for GitHub-only policies
 */
public record ActionPolicy(
    Set<ActionKind> allowed,
    List<ActionParty> requesters,
    Map<ActionKind, List<ActionParty>> approval,
    Duration expireAfter,
    Optional<String> airflow) {
  /** How long a request waits when the configuration does not say. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(30);

  public ActionPolicy {
    allowed =
        Collections.unmodifiableSet(
            allowed.isEmpty() ? EnumSet.noneOf(ActionKind.class) : EnumSet.copyOf(allowed));
    requesters = List.copyOf(requesters);
    Checks.check(!requesters.isEmpty(), "an action policy needs at least one requester");
    Map<ActionKind, List<ActionParty>> copy = new EnumMap<>(ActionKind.class);
    approval.forEach((kind, parties) -> copy.put(kind, List.copyOf(parties)));
    approval = Collections.unmodifiableMap(copy);
    Checks.check(
        !expireAfter.isNegative() && !expireAfter.isZero(),
        "a request must be allowed some time: expire_after > 0");
  }

  /** The actions allowed for alerts of {@code side}, in their declared order. */
  public List<ActionKind> allowedOn(ActionKind.Side side) {
    return allowed.stream().filter(k -> k.side() == side).toList();
  }

  /** Who may approve {@code kind}; empty when it needs no approval. */
  public List<ActionParty> approversOf(ActionKind kind) {
    return approval.getOrDefault(kind, List.of());
  }
}
