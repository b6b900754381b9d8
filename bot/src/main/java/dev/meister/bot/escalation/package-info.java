/** Timed follow-ups on alerts: escalation of unacknowledged ones and "fix it or revert". */
@NullMarked
package dev.meister.bot.escalation;

import org.jspecify.annotations.NullMarked;
