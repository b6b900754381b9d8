/**
 * The outbox: chat messages queued durably in the transaction that decides them, delivered in order
 * per chat by one worker, retried with backoff and resumed after a restart.
 */
@NullMarked
package dev.meister.core.delivery;

import org.jspecify.annotations.NullMarked;
