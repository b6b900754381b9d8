/** A console chat for demos and end-to-end tests: no tokens, no network. */
@NullMarked
package dev.meister.bot.console;

import org.jspecify.annotations.NullMarked;
