/**
 * The Discord adapter: renders {@code RichText} as Discord markdown, posts through Discord's REST
 * API and turns gateway events (received with JDA) into chat events. No JDA type leaves this
 * package; only {@link dev.meister.bot.discord.DiscordGateway} touches JDA at all.
 */
@NullMarked
package dev.meister.bot.discord;

import org.jspecify.annotations.NullMarked;
