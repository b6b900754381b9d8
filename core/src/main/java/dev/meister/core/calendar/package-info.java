/**
 * The schedule as calendar feeds: every shift of every layer as an event with a stable id, per
 * rotation and per member, and the secret per-member tokens that let a calendar subscribe to them.
 * Writing the iCalendar text is the bot's job.
 */
@NullMarked
package dev.meister.core.calendar;

import org.jspecify.annotations.NullMarked;
