/**
 * Runbook actions from chat (seed 003's recovery, seed 000's "disabling a DAG ... only after the
 * approval from the team leader"): clear, mark success, re-run, pause, for an alert's own DAG run
 * or workflow run, previewed, approved where the policy asks for it, executed once by a durable
 * worker and audited.
 */
@NullMarked
package dev.meister.core.action;

import org.jspecify.annotations.NullMarked;
