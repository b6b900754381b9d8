/** Meister's domain: rotations, on-call resolution, alerts and the chat port. */
@NullMarked
package dev.meister.core;

import org.jspecify.annotations.NullMarked;
