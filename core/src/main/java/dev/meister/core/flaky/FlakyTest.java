package dev.meister.core.flaky;

import java.time.Instant;

/**
 * A test known flaky, for the rankings ({@code /top}, the log book, the weekly review).
 *
 * @param passes on how many commits it failed and then passed on re-run in the period looked at
 * @param rate how often it failed over the last runs on the branch it was last flaky on
 * @param last when it last passed on re-run
 */
public record FlakyTest(String repo, String test, int passes, FlakyRate rate, Instant last) {}
