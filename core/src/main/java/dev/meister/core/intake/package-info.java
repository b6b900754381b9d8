/**
 * The intake use case: a webhook's run event taken in, every step of it (dedupe, run history,
 * "green again", routing, post or fold, log analysis) in one transaction.
 */
@NullMarked
package dev.meister.core.intake;

import org.jspecify.annotations.NullMarked;
