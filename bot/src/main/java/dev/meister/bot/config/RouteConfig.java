package dev.meister.bot.config;

import dev.meister.core.alert.PrioritySetting;
import dev.meister.core.schedule.RotationId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where alerts matching a pattern go; routes are tried in file order and the first match wins.
 *
 * @param rotation whose on-call is tagged; absent to only post
 * @param chat where to post, the first chat the route names; absent to use the rotation's chat
 * @param mirrors the further chats the route names, which get a copy of each alert kept up to date
 * @param priority the level (and tags) every alert of this route gets at least; {@link
 *     PrioritySetting#NONE} to leave it to the priority rules
 */
public record RouteConfig(
    String name,
    MatchConfig match,
    @Nullable RotationId rotation,
    @Nullable ChatTarget chat,
    List<ChatTarget> mirrors,
    PrioritySetting priority) {

  public RouteConfig {
    mirrors = List.copyOf(mirrors);
  }

  public Optional<RotationId> rotationId() {
    return Optional.ofNullable(rotation);
  }

  public Optional<ChatTarget> chatTarget() {
    return Optional.ofNullable(chat);
  }
}
