package dev.meister.bot.config;

import dev.meister.core.alert.Priority;
import dev.meister.core.schedule.RotationId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where alerts matching a pattern go; routes are tried in file order and the first match wins.
 *
 * @param rotation whose on-call is tagged; absent to only post
 * @param chat where to post; absent to use the rotation's chat
 * @param priority the alert's priority; absent to leave it to the priority rules
 */
public record RouteConfig(
    String name,
    MatchConfig match,
    @Nullable RotationId rotation,
    @Nullable ChatTarget chat,
    @Nullable Priority priority) {

  public Optional<RotationId> rotationId() {
    return Optional.ofNullable(rotation);
  }

  public Optional<ChatTarget> chatTarget() {
    return Optional.ofNullable(chat);
  }

  public Optional<Priority> fixedPriority() {
    return Optional.ofNullable(priority);
  }
}
