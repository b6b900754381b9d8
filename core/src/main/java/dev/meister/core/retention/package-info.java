/**
 * Retention: what Meister prunes once it is old (delivered chat messages, recorded successful runs,
 * finished status posts) and what it keeps for good (alerts, acknowledgements, issues, the log
 * book).
 */
@NullMarked
package dev.meister.core.retention;

import org.jspecify.annotations.NullMarked;
