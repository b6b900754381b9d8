/** Alerts relayed from build and data pipelines, and their acknowledgements. */
@NullMarked
package dev.meister.core.alert;

import org.jspecify.annotations.NullMarked;
