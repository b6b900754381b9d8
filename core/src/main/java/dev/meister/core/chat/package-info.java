/** The chat port: what adapters deliver to the bot and what the bot asks them to post. */
@NullMarked
package dev.meister.core.chat;

import org.jspecify.annotations.NullMarked;
