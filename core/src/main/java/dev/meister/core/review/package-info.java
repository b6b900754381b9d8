/**
 * The review of a rotation's open issues: what {@code /issues} lists and the weekly "BUILD -
 * Breaks" post repeats (seed 001: "Hausmeister should work on any open P4-P3 issues"; seed 002:
 * "Regularly check issues that belong to the Epic").
 */
@NullMarked
package dev.meister.core.review;

import org.jspecify.annotations.NullMarked;
