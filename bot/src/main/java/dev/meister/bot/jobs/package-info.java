/**
 * Timed actions: one in-memory Quartz scheduler ({@link dev.meister.bot.jobs.Jobs}) and the {@link
 * dev.meister.bot.jobs.Timekeeper} that wakes the stored, clock-driven work at the moment it falls
 * due. Quartz keeps no state of its own; after a restart the timers are rebuilt from the database
 * and the configuration.
 */
@NullMarked
package dev.meister.bot.jobs;

import org.jspecify.annotations.NullMarked;
