package dev.meister.bot.app;

import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Finds a rotation named on the command line, or stops with the list of known ones. */
final class Rotations {
  private Rotations() {}

  static Rotation named(OnCallDirectory directory, String name) {
    return directory
        .findByName(name)
        .orElseThrow(
            () ->
                new CommandLine.PicocliException(
                    "no rotation '"
                        + name
                        + "'; rotations: "
                        + directory.rotations().stream()
                            .map(r -> r.id().value())
                            .collect(Collectors.joining(", "))));
  }
}
