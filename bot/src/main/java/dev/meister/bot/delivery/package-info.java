/** Delivers the outbox to the chat platforms: in order per chat, retried, resumed after restarts. */
@NullMarked
package dev.meister.bot.delivery;

import org.jspecify.annotations.NullMarked;
