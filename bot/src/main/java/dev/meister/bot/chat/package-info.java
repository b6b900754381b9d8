/** The chat pipeline shared by every adapter: membership, commands, error replies. */
@NullMarked
package dev.meister.bot.chat;

import org.jspecify.annotations.NullMarked;
