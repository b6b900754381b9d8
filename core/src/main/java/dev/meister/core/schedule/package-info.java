/**
 * Rotations and who is on call: shifts, Level 2 and weekend layers, overrides, swaps and
 * unavailability, the requests that change them from chat, and the {@code /whoisoncall} and {@code
 * /schedule} answers.
 */
@NullMarked
package dev.meister.core.schedule;

import org.jspecify.annotations.NullMarked;
