/**
 * The hand-off handshake in chat: announcements at shift boundaries, {@code /handoff} and its
 * buttons, reminders and escalation to the team lead, and the epic that follows the on-call.
 */
@NullMarked
package dev.meister.bot.handoff;

import org.jspecify.annotations.NullMarked;
