/** Rotations: rosters, shift lengths, hand-off moments and layers. */
@NullMarked
package dev.meister.core.rotation;

import org.jspecify.annotations.NullMarked;
