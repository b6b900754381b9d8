/**
 * The calendar feeds on the wire: RFC 5545 text written with Biweekly, each rotation's zone as a
 * VTIMEZONE built from the JDK's own rules, served at {@code /cal/<token>/…ics}.
 */
@NullMarked
package dev.meister.bot.calendar;

import org.jspecify.annotations.NullMarked;
