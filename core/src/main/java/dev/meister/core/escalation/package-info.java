/**
 * What happens to alerts nobody answers: the escalation ladder (secondary, then team lead) and "fix
 * it or revert" reminders for builds that stay red, run as due work.
 */
@NullMarked
package dev.meister.core.escalation;

import org.jspecify.annotations.NullMarked;
