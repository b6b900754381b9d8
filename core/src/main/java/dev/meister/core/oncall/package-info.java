/** Who is on call: computed from rotations, layers and overrides. */
@NullMarked
package dev.meister.core.oncall;

import org.jspecify.annotations.NullMarked;
