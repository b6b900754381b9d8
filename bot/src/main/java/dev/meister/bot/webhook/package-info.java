/**
 * The HTTP edge for pipeline webhooks: one server, shared request rules (size, content type, error
 * shape) and the hand-off of translated events to the core's {@link
 * dev.meister.core.alert.RunEventSink}.
 */
@NullMarked
package dev.meister.bot.webhook;

import org.jspecify.annotations.NullMarked;
