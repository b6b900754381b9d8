/** GitHub Actions webhooks: signature check and workflow run/job translation. */
@NullMarked
package dev.meister.bot.webhook.github;

import org.jspecify.annotations.NullMarked;
