/** Who is on call: computed from rotations, layers and overrides. */
@NullMarked
package dev.meister.core.schedule;

import org.jspecify.annotations.NullMarked;
