package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.util.Optional;

/** Port: the reason and solution of each break; a later resolution replaces an earlier one. */
public interface ResolutionStore {
  void resolve(Resolution resolution);

  Optional<Resolution> resolutionOf(AlertId alert);
}
