/** Alerts at the bot's edge: intake from webhooks into storage and the outbox, and acknowledgements. */
@NullMarked
package dev.meister.bot.alerts;

import org.jspecify.annotations.NullMarked;
