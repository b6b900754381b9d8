package dev.meister.core.review;

import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.RotationId;
import java.time.Instant;

/** The open questions asked in chat that {@code /issues} lists after a rotation's issues. */
@FunctionalInterface
public interface OpenQuestions {
  /** The lines to append, starting with a newline; empty when the rotation has none open. */
  RichText render(RotationId rotation, Instant now);

  /** For teams without help channels. */
  static OpenQuestions none() {
    return (rotation, now) -> RichText.builder().build();
  }
}
