package dev.meister.storage;

import dev.meister.core.chat.ChatRef;
import java.time.Instant;

/**
 * What waits in the outbox for one chat: how many pending entries and since when the oldest waits.
 *
 * @param chat the conversation (with its thread, if any)
 * @param pending how many entries are pending, due or not
 * @param oldestQueuedAt when the oldest of them was queued
 */
public record OutboxBacklog(ChatRef chat, int pending, Instant oldestQueuedAt) {}
