package dev.meister.core.buildhint;

import java.util.Optional;

/**
 * A failed job of a workflow run, as the analysis of a red build read it.
 *
 * @param step the first step that failed, when GitHub names one
 * @param log the job's log; empty when it could not be read
 */
public record FailedJob(String name, Optional<String> step, Optional<String> log) {}
