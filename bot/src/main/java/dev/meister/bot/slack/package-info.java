/**
 * The Slack adapter: renders {@code RichText} as Block Kit, posts through the Web API and turns
 * slash commands, button presses and thread replies (Socket Mode or signed HTTP requests, both
 * through Bolt) into chat events. No Slack SDK type leaves this package.
 */
@NullMarked
package dev.meister.bot.slack;

import org.jspecify.annotations.NullMarked;
