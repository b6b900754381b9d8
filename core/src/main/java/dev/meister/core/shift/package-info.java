/**
 * Shift reminders: the incoming on-call is reminded before their shift (with seed 004's "30 mins
 * meeting for on-call transition" proposed and an iCalendar invitation), and a rotation without the
 * hand-off handshake hears who is on call at each boundary.
 */
@NullMarked
package dev.meister.core.shift;

import org.jspecify.annotations.NullMarked;
