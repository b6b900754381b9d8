/**
 * GitHub issues for alerts: the filing service and its worker, the issue tracker port, failure
 * extraction from job logs, root-cause fingerprints, "green again", and the post-mortem log.
 */
@NullMarked
package dev.meister.core.filing;

import org.jspecify.annotations.NullMarked;
