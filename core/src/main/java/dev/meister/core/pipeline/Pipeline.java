package dev.meister.core.pipeline;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A data pipeline the team runs: which DAG it is, who owns it, when it runs, by when its data must
 * be there and its failures fixed, who looks at its failures and what its common failures mean.
 *
 * @param schedule when its DAG is due to run; absent when it runs only when triggered
 * @param sla absent when the pipeline has no data deadline
 * @param fix by when a failure must be fixed; absent when the team promised nothing
 * @param upstream owners of the data it reads, to ask when inputs look wrong
 * @param downstream owners of what reads its data, to tell when it is late
 * @param airflow the name of the Airflow instance its DAG runs on; absent when none is configured
 */
public record Pipeline(
    String name,
    String description,
    String dagId,
    MemberId primaryOwner,
    @Nullable MemberId secondaryOwner,
    @Nullable RunSchedule schedule,
    @Nullable Sla sla,
    @Nullable FixDeadline fix,
    OnCallPolicy onCall,
    List<Party> upstream,
    List<Party> downstream,
    List<Hint> hints,
    List<String> runbooks,
    @Nullable String airflow) {

  public Pipeline {
    Checks.notBlank(name, "name");
    Checks.notBlank(dagId, "dag");
    upstream = List.copyOf(upstream);
    downstream = List.copyOf(downstream);
    hints = List.copyOf(hints);
    runbooks = List.copyOf(runbooks);
  }

  public Optional<Sla> deadline() {
    return Optional.ofNullable(sla);
  }

  public Optional<RunSchedule> runSchedule() {
    return Optional.ofNullable(schedule);
  }

  public Optional<FixDeadline> fixDeadline() {
    return Optional.ofNullable(fix);
  }

  /** The owners, primary first. */
  public List<MemberId> owners() {
    return secondaryOwner == null ? List.of(primaryOwner) : List.of(primaryOwner, secondaryOwner);
  }

  /** The hints whose pattern matches {@code exception}, in configured order. */
  public List<Hint> hintsFor(@Nullable String exception) {
    if (exception == null || exception.isBlank()) {
      return List.of();
    }
    return hints.stream().filter(h -> h.matches(exception)).toList();
  }
}
