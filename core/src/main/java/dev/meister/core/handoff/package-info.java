/** Hand-off records between outgoing and incoming on-call members. */
@NullMarked
package dev.meister.core.handoff;

import org.jspecify.annotations.NullMarked;
