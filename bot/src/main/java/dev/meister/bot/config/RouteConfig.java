package dev.meister.bot.config;

import dev.meister.core.alert.PrioritySetting;
import dev.meister.core.schedule.RotationId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where alerts matching a pattern go; routes are tried in file order and the first match wins.
 *
 * @param rotation whose on-call is tagged; absent to only post
 * @param chat where to post; absent to use the rotation's chat
 * @param priority the level (and tags) every alert of this route gets at least; {@link
 *     PrioritySetting#NONE} to leave it to the priority rules
 */
public record RouteConfig(
    String name,
    MatchConfig match,
    @Nullable RotationId rotation,
    @Nullable ChatTarget chat,
    PrioritySetting priority) {

  public Optional<RotationId> rotationId() {
    return Optional.ofNullable(rotation);
  }

  public Optional<ChatTarget> chatTarget() {
    return Optional.ofNullable(chat);
  }
}
