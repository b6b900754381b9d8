/**
 * {@code GET /metrics}: Micrometer meters in the Prometheus text format. The core knows nothing of
 * them; they are fed from the edges (the webhook server, a decorated outbox, the scheduler's
 * listener) and from reads of storage at scrape time.
 */
@NullMarked
package dev.meister.bot.metrics;

import org.jspecify.annotations.NullMarked;
