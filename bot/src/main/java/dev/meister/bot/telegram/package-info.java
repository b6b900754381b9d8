/**
 * The Telegram adapter: renders {@code RichText} as Telegram HTML, posts through the Bot API and
 * turns long-polled updates into chat events. No telegrambots type leaves this package.
 */
@NullMarked
package dev.meister.bot.telegram;

import org.jspecify.annotations.NullMarked;
