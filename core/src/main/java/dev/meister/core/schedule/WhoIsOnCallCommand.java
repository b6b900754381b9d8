package dev.meister.core.schedule;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.util.List;

/**
 * {@code /whoisoncall [ROTATION]}: primary and Level 2 now, until when, and who is next. Names are
 * written out, not mentioned, so asking does not ping the people on call.
 */
public final class WhoIsOnCallCommand implements CommandHandler {
  private final OnCallDirectory directory;
  private final Team team;

  public WhoIsOnCallCommand(OnCallDirectory directory, Team team) {
    this.directory = directory;
    this.team = team;
  }

  @Override
  public String name() {
    return "whoisoncall";
  }

  @Override
  public String usage() {
    return "/whoisoncall [ROTATION]";
  }

  @Override
  public String summary() {
    return "who is on call now, until when, and who is next";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    List<Rotation> rotations = RotationArgument.selected(directory, request.args());
    return CommandReply.of(describe(rotations, directory.now()));
  }

  /** The answer for these rotations at {@code at}; the CLI prints the same text. */
  public RichText describe(List<Rotation> rotations, Instant at) {
    RichText.Builder text = RichText.builder();
    for (Rotation rotation : rotations) {
      if (!text.isEmpty()) {
        text.newline();
      }
      OnCall onCall = directory.resolver(rotation, at).onCallAt(at);
      describe(text, rotation, onCall);
    }
    return text.build();
  }

  private void describe(RichText.Builder text, Rotation rotation, OnCall onCall) {
    text.emoji("calendar").text(" ").bold(rotation.displayName()).newline();
    line(text, "Primary: ", onCall.primary(), rotation);
    onCall.secondaryAssignment().ifPresent(l2 -> line(text, "Level 2: ", l2, rotation));
    Assignment next = onCall.nextPrimary();
    text.text("Next: ")
        .bold(Labels.name(team, next))
        .text(
            Labels.source(next.source()) + " from " + TimeFormat.at(next.start(), rotation.zone()))
        .newline();
  }

  private void line(RichText.Builder text, String label, Assignment a, Rotation rotation) {
    text.text(label)
        .bold(Labels.name(team, a))
        .text(Labels.source(a.source()) + " until " + TimeFormat.at(a.end(), rotation.zone()))
        .newline();
  }
}
