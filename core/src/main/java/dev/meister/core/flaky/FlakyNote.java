package dev.meister.core.flaky;

/**
 * What an alert says about one of its failing tests known flaky.
 *
 * @param passes on how many commits it failed and then passed on re-run
 */
public record FlakyNote(String test, FlakyRate rate, int passes) {
  /** {@code flaky: failed 3 of the last 10 runs on master, passed on re-run}. */
  public String text() {
    return "flaky: " + rate.text() + ", passed on re-run";
  }
}
