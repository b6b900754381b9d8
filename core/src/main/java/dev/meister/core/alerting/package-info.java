/** Turning pipeline events into alerts and chat messages, and acknowledging them. */
@NullMarked
package dev.meister.core.alerting;

import org.jspecify.annotations.NullMarked;
