/**
 * GitHub's REST API: a client for workflow runs (reading, re-running, cancelling), job logs,
 * issues, sub-issues and assignees.
 */
@NullMarked
package dev.meister.bot.github;

import org.jspecify.annotations.NullMarked;
