/** GitHub's REST API, as far as Meister calls it. */
@NullMarked
package dev.meister.bot.github;

import org.jspecify.annotations.NullMarked;
