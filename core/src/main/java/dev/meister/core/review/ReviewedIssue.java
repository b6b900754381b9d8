package dev.meister.core.review;

import dev.meister.core.handoff.OpenIssue;

/**
 * One open issue of a review and what deserves attention about it.
 *
 * @param stale no activity on GitHub for longer than the rotation allows
 * @param testsDisabled a break linked to it was resolved by disabling tests (seed 002: "Pay special
 *     attention to the failures which resulted in disabling tests")
 */
public record ReviewedIssue(OpenIssue issue, boolean stale, boolean testsDisabled) {}
