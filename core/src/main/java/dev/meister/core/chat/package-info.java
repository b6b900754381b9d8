/**
 * Talking with people in chats: the chat port, rich text and buttons, inbound events and their
 * dispatch (membership, commands, button handlers), and which messages belong to which alert.
 */
@NullMarked
package dev.meister.core.chat;

import org.jspecify.annotations.NullMarked;
