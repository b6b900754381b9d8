package dev.meister.core.status;

import dev.meister.core.validation.Checks;
import java.util.List;

/**
 * One line of the status post: a display name, the tasks whose success means "calculated" and,
 * optionally, the tasks whose success means "loaded".
 */
public record Stage(String name, List<TaskSelector> calculate, List<TaskSelector> load) {
  public Stage {
    Checks.notBlank(name, "stage name");
    calculate = List.copyOf(Checks.notEmpty(calculate, "stage '" + name + "' calculate tasks"));
    load = List.copyOf(load);
  }

  public boolean hasLoad() {
    return !load.isEmpty();
  }
}
