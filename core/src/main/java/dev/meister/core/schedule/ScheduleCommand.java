package dev.meister.core.schedule;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /schedule ROTATION [N]}: the next N primary stretches with their Level 2. */
public final class ScheduleCommand implements CommandHandler {
  static final int DEFAULT_COUNT = 6;
  static final int MAX_COUNT = 50;

  private final OnCallDirectory directory;
  private final Team team;

  public ScheduleCommand(OnCallDirectory directory, Team team) {
    this.directory = directory;
    this.team = team;
  }

  @Override
  public String name() {
    return "schedule";
  }

  @Override
  public String usage() {
    return "/schedule ROTATION [N]";
  }

  @Override
  public String summary() {
    return "the next N shifts of a rotation (default " + DEFAULT_COUNT + ")";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    List<String> args = request.args();
    if (args.isEmpty() || args.size() > 2) {
      throw new IllegalArgumentException("Usage: " + usage());
    }
    Rotation rotation = RotationArgument.required(directory, args.get(0));
    int count = args.size() == 2 ? count(args.get(1)) : DEFAULT_COUNT;
    return CommandReply.of(describe(rotation, directory.now(), count));
  }

  private static int count(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_COUNT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage message
    }
    throw new IllegalArgumentException("N must be a number from 1 to " + MAX_COUNT + ".");
  }

  /** The schedule text; the CLI prints the same. */
  public RichText describe(Rotation rotation, Instant from, int count) {
    OnCallResolver resolver = directory.resolver(rotation, from);
    RichText.Builder text = RichText.builder();
    text.bold(rotation.displayName() + " schedule")
        .text(" (" + rotation.zone().getId() + ")")
        .newline();
    for (Assignment a : resolver.upcoming(Position.PRIMARY, from, count)) {
      text.text(
              TimeFormat.at(a.start(), rotation.zone())
                  + " → "
                  + TimeFormat.at(a.end(), rotation.zone())
                  + "  ")
          .bold(Labels.name(team, a))
          .text(Labels.source(a.source()));
      secondaryAt(resolver, a.start())
          .ifPresent(l2 -> text.text(", Level 2: " + Labels.name(team, l2)));
      text.newline();
    }
    return text.build();
  }

  private static Optional<Assignment> secondaryAt(OnCallResolver resolver, Instant t) {
    return resolver.assignmentAt(Position.SECONDARY, t);
  }
}
