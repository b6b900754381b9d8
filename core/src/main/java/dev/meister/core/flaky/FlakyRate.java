package dev.meister.core.flaky;

import dev.meister.core.validation.Checks;

/**
 * How often a test failed over the last runs of its workflow on a branch: "failed 3 of the last 10
 * runs on master".
 *
 * @param runs the attempts looked at, failed and passed
 */
public record FlakyRate(int failed, int runs, String branch) {
  public FlakyRate {
    Checks.check(failed >= 0 && runs >= failed, "failed must be between 0 and runs");
  }

  /** The share of runs it failed, 0 for none looked at. */
  public double share() {
    return runs == 0 ? 0 : (double) failed / runs;
  }

  /** {@code failed 3 of the last 10 runs on master}. */
  public String text() {
    String where = branch.isEmpty() ? "" : " on " + branch;
    if (runs == 1) {
      return "failed " + failed + " of the last run" + where;
    }
    return "failed " + failed + " of the last " + runs + " runs" + where;
  }

  /** The share as a whole percentage, e.g. {@code 30%}. */
  public String percent() {
    return Math.round(share() * 100) + "%";
  }
}
