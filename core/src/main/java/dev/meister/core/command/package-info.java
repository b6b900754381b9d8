/** Chat commands: one handler per command, adapter-agnostic. */
@NullMarked
package dev.meister.core.command;

import org.jspecify.annotations.NullMarked;
