/**
 * Keeping quiet when it should: silences ({@code /silence}, {@code /silences}, {@code /unsilence}
 * and the configured maintenance windows, one-off or recurring), what a silenced alert's message
 * says, the summary of a quiet silence when it ends, and snoozing one alert ({@code /snooze}) with
 * its return to the on-call.
 */
@NullMarked
package dev.meister.core.silence;

import org.jspecify.annotations.NullMarked;
