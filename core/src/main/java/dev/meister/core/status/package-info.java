/**
 * The DAG status post: which stages of a data pipeline run are calculated, being loaded, being
 * calculated, not started or failed, read from the orchestrator and posted, then edited in place.
 */
@NullMarked
package dev.meister.core.status;

import org.jspecify.annotations.NullMarked;
