/**
 * The hand-off handshake at shift boundaries: records, the follow-up rules (reminder, team lead),
 * its chat messages and commands, and the epic that follows the on-call.
 */
@NullMarked
package dev.meister.core.handoff;

import org.jspecify.annotations.NullMarked;
