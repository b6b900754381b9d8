package dev.meister.core.handoff;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.handoff.Handoffs.Party;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code /handoff [ROTATION] [@incoming] [notes…]} by the outgoing on-call, {@code /handoff accept
 * [ROTATION]} by the incoming one, {@code /handoff status [ROTATION]} by anyone on the team.
 */
public final class HandoffCommand implements CommandHandler {
  private final Handoffs handoffs;
  private final Team team;

  public HandoffCommand(Handoffs handoffs, Team team) {
    this.handoffs = handoffs;
    this.team = team;
  }

  @Override
  public String name() {
    return "handoff";
  }

  @Override
  public String usage() {
    return "/handoff [ROTATION] [@NEXT] [NOTES] · /handoff accept [ROTATION] · "
        + "/handoff status [ROTATION]";
  }

  @Override
  public String summary() {
    return "confirm a hand-off (outgoing), accept it (incoming), or show where it stands";
  }

  @Override
  public boolean changesState() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    List<String> args = new ArrayList<>(request.args());
    String first = args.isEmpty() ? "" : args.get(0).toLowerCase(java.util.Locale.ROOT);
    if (first.equals("status")) {
      return status(args.subList(1, args.size()));
    }
    Member member = request.sender().orElseThrow();
    Party party = Party.OUTGOING;
    if (first.equals("accept")) {
      party = Party.INCOMING;
      args.remove(0);
    }
    Optional<Rotation> named =
        args.isEmpty() ? Optional.empty() : directory().findByName(args.get(0));
    if (named.isPresent()) {
      args.remove(0);
    }
    MemberId next = null;
    if (party == Party.OUTGOING && !args.isEmpty() && args.get(0).startsWith("@")) {
      String handle = args.remove(0);
      next =
          team.findByHandle(handle)
              .map(Member::id)
              .orElseThrow(() -> new IllegalArgumentException(handle + " is not on the team."));
    }
    if (party == Party.INCOMING && !args.isEmpty()) {
      throw new IllegalArgumentException("Usage: " + usage());
    }
    String notes = args.isEmpty() ? null : String.join(" ", args);
    HandoffRecord r = waiting(member.id(), party, named, request.event().chat());
    if (next != null && !next.equals(r.incoming())) {
      throw new IllegalArgumentException(
          "The " + r.rotation() + " hand-off goes to " + r.incoming() + ", not " + next + ".");
    }
    Handoffs.Confirmation c =
        handoffs.confirm(r.rotation(), r.boundary(), member.id(), party, notes);
    if (!c.changed()) {
      return CommandReply.plain("You already confirmed the " + r.rotation() + " hand-off.");
    }
    // The confirmation is announced in the rotation's chat; answer here only when that is not it.
    boolean sameChat =
        handoffs.chatOf(r.rotation()).map(ch -> sameChat(ch, request.event().chat())).orElse(false);
    return sameChat
        ? CommandReply.none()
        : CommandReply.plain(
            "Noted: "
                + HandoffMessages.statusLine(
                    directory().find(r.rotation()).orElseThrow(), c.record()));
  }

  /** The unconfirmed hand-off {@code who} is the {@code party} of, picking by rotation or chat. */
  private HandoffRecord waiting(MemberId who, Party party, Optional<Rotation> named, ChatRef chat) {
    List<HandoffRecord> mine = new ArrayList<>();
    List<HandoffRecord> others = new ArrayList<>();
    for (Rotation r : named.map(List::of).orElseGet(directory()::rotations)) {
      handoffs
          .store()
          .latest(r.id(), Position.PRIMARY)
          .filter(h -> !h.isComplete())
          .ifPresent(h -> (party.memberOf(h).equals(who) ? mine : others).add(h));
    }
    if (mine.size() > 1) {
      List<HandoffRecord> here =
          mine.stream()
              .filter(h -> handoffs.chatOf(h.rotation()).map(c -> sameChat(c, chat)).orElse(false))
              .toList();
      if (here.size() == 1) {
        return here.get(0);
      }
      throw new IllegalArgumentException(
          "You have hand-offs waiting in "
              + mine.stream().map(h -> h.rotation().value()).collect(Collectors.joining(", "))
              + "; name one, e.g. /handoff "
              + (party == Party.INCOMING ? "accept " : "")
              + mine.get(0).rotation());
    }
    if (mine.size() == 1) {
      return mine.get(0);
    }
    if (!others.isEmpty()) {
      HandoffRecord h = others.get(0);
      throw new IllegalArgumentException(
          "The "
              + h.rotation()
              + " hand-off is from "
              + h.outgoing()
              + " to "
              + h.incoming()
              + "; only "
              + party.memberOf(h)
              + " can "
              + (party == Party.OUTGOING ? "confirm it with /handoff." : "accept it."));
    }
    throw new IllegalArgumentException(
        "No hand-off is waiting for you"
            + named.map(r -> " in " + r.displayName()).orElse("")
            + ".");
  }

  private CommandReply status(List<String> args) {
    List<Rotation> rotations =
        args.isEmpty()
            ? directory().rotations()
            : List.of(
                directory()
                    .findByName(args.get(0))
                    .orElseThrow(
                        () -> new IllegalArgumentException("No rotation '" + args.get(0) + "'.")));
    List<String> lines = new ArrayList<>();
    for (Rotation r : rotations) {
      lines.add(
          handoffs
              .store()
              .latest(r.id(), Position.PRIMARY)
              .map(h -> HandoffMessages.statusLine(r, h))
              .orElse(r.displayName() + ": no hand-off recorded yet"));
    }
    return CommandReply.plain(String.join("\n", lines));
  }

  private OnCallDirectory directory() {
    return handoffs.directory();
  }

  private static boolean sameChat(ChatRef a, @Nullable ChatRef b) {
    return b != null && a.platform() == b.platform() && a.chatId().equals(b.chatId());
  }
}
