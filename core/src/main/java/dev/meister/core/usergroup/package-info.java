/**
 * Chat user groups that follow the on-call ({@code slack_group: hausmeister}): at every boundary,
 * override or swap the group's members are set to whoever is on call, so {@code @hausmeister}
 * always pings them. The wanted members and the last synced ones are stored, so an outage of the
 * chat is retried and a restart loses nothing.
 */
@NullMarked
package dev.meister.core.usergroup;

import org.jspecify.annotations.NullMarked;
