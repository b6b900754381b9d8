/** Preconditions with messages a chat user can read. */
@NullMarked
package dev.meister.core.validation;

import org.jspecify.annotations.NullMarked;
