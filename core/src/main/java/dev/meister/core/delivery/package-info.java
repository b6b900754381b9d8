/** The outbox: chat messages queued durably and delivered, retried and resumed after a restart. */
@NullMarked
package dev.meister.core.delivery;

import org.jspecify.annotations.NullMarked;
