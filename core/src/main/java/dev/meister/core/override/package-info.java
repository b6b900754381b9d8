/** Changes to the regular schedule: overrides, swaps and unavailability. */
@NullMarked
package dev.meister.core.override;

import org.jspecify.annotations.NullMarked;
