/** Overrides and swaps asked for in chat and confirmed by the other person. */
@NullMarked
package dev.meister.bot.schedule;

import org.jspecify.annotations.NullMarked;
