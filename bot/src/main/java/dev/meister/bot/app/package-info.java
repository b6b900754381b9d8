/** The meister command line and the wiring of the bot. */
@NullMarked
package dev.meister.bot.app;

import org.jspecify.annotations.NullMarked;
