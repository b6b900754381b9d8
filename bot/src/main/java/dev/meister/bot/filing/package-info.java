/**
 * Filing GitHub issues from alerts ({@code /issue}, "📝 File issue", "Same as #N"), the
 * post-mortem log ({@code /resolve}, {@code /postmortem}, {@code /top}) and "green again" notices.
 */
@NullMarked
package dev.meister.bot.filing;

import org.jspecify.annotations.NullMarked;
