/**
 * Alerts from CI and data pipelines: intake of finished runs, routing to a rotation, priority, the
 * alert message, acknowledgement, and storm pacing with digests.
 */
@NullMarked
package dev.meister.core.alert;

import org.jspecify.annotations.NullMarked;
