/**
 * Runbook hints for red builds (seed 002's "{@code update_amp_submodule} fails"): keyed on the
 * repository, workflow, failing job or step, or a pattern in the failed job's log.
 */
@NullMarked
package dev.meister.core.buildhint;

import org.jspecify.annotations.NullMarked;
