/**
 * Flaky tests told apart from broken ones: the attempts of GitHub workflow runs with the failing
 * tests their logs named, a test that failed on a commit and passed when the same commit was re-run
 * ({@code run_attempt} > 1), the rate at which it failed over the last runs on its branch, what its
 * alert says instead of asking for a bug, and the flakiest tests for {@code /top}, the log book and
 * the weekly review.
 */
@NullMarked
package dev.meister.core.flaky;

import org.jspecify.annotations.NullMarked;
