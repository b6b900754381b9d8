package dev.meister.core.filing;

import java.util.Optional;

/**
 * An open issue Meister filed that a new run's failures belong to.
 *
 * @param group the run's failures of that issue's root cause; empty when the issue was filed for a
 *     whole run (before root-cause groups, or a failure without tests)
 * @param label how the reply names the root cause, e.g. {@code knowledge_graph/vendors}
 */
record SameIssue(FiledIssue issue, Optional<FailureGroup> group, String label) {}
