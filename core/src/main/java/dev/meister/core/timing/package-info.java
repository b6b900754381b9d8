/**
 * Timed work expressed as pure "what is due at or before now, and when is the next thing due"
 * questions, so a scheduler only needs to wake the work up and tests can step time by hand.
 */
@NullMarked
package dev.meister.core.timing;

import org.jspecify.annotations.NullMarked;
