package dev.meister.core.alert;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Optional text fields of an {@link AlertOrigin}: a blank value says nothing, so it is absent. */
final class Texts {
  private Texts() {}

  static Optional<String> present(@Nullable String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
