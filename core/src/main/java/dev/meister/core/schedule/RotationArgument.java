package dev.meister.core.schedule;

import java.util.List;
import java.util.stream.Collectors;

/** Reads the optional rotation argument of a command, with a helpful error when it is unknown. */
final class RotationArgument {
  private RotationArgument() {}

  static List<Rotation> selected(OnCallDirectory directory, List<String> args) {
    if (args.isEmpty()) {
      return directory.rotations();
    }
    return List.of(required(directory, args.get(0)));
  }

  static Rotation required(OnCallDirectory directory, String name) {
    return directory
        .findByName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No rotation '" + name + "'. Rotations: " + known(directory) + "."));
  }

  private static String known(OnCallDirectory directory) {
    return directory.rotations().stream()
        .map(r -> r.id().value())
        .collect(Collectors.joining(", "));
  }
}
