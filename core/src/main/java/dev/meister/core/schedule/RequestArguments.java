package dev.meister.core.schedule;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What {@code /override} and {@code /swap} read from their words. */
public final class RequestArguments {
  private final OnCallDirectory directory;
  private final Team team;
  private final Map<RotationId, ChatRef> chats;

  public RequestArguments(OnCallDirectory directory, Team team, Map<RotationId, ChatRef> chats) {
    this.directory = directory;
    this.team = team;
    this.chats = Map.copyOf(chats);
  }

  MemberId member(String handle, MemberId requester) {
    if (!handle.startsWith("@")) {
      throw new IllegalArgumentException("Name the other person as @name, not '" + handle + "'.");
    }
    MemberId id =
        team.findByHandle(handle)
            .map(Member::id)
            .orElseThrow(() -> new IllegalArgumentException(handle + " is not on the team."));
    if (id.equals(requester)) {
      throw new IllegalArgumentException("Name someone other than yourself.");
    }
    return id;
  }

  /**
   * The named rotation; without a name, the one whose chat this is, or the only one the requester
   * is on the roster of.
   */
  Rotation rotation(@Nullable String name, MemberId requester, ChatRef chat) {
    if (name != null) {
      return directory
          .findByName(name)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "No rotation '"
                          + name
                          + "'. Rotations: "
                          + names(directory.rotations())
                          + "."));
    }
    List<Rotation> here =
        directory.rotations().stream()
            .filter(
                r ->
                    Optional.ofNullable(chats.get(r.id()))
                        .map(
                            c ->
                                c.platform() == chat.platform() && c.chatId().equals(chat.chatId()))
                        .orElse(false))
            .toList();
    if (here.size() == 1) {
      return here.get(0);
    }
    List<Rotation> mine =
        directory.rotations().stream()
            .filter(
                r ->
                    r.primary().members().contains(requester)
                        || r.weekendLayer()
                            .map(w -> w.roster().members().contains(requester))
                            .orElse(false))
            .toList();
    if (mine.size() == 1) {
      return mine.get(0);
    }
    throw new IllegalArgumentException(
        "Which rotation? Add its name: "
            + names(mine.isEmpty() ? directory.rotations() : mine)
            + ".");
  }

  /** An answer's request number, e.g. {@code 7} or {@code #7}. */
  /**
   * Handles {@code accept ID} / {@code decline ID}, the same for overrides and swaps; false when
   * the arguments are a new request instead. The answer is posted in the chat with its outcome.
   */
  static boolean answerGiven(
      ScheduleRequests requests,
      List<String> args,
      dev.meister.core.team.Member member,
      dev.meister.core.chat.CommandRequest request,
      String usage) {
    if (args.isEmpty() || !(args.get(0).equals("accept") || args.get(0).equals("decline"))) {
      return false;
    }
    if (args.size() != 2) {
      throw new IllegalArgumentException("Usage: " + usage);
    }
    requests.answer(
        requestId(args.get(1)), member.id(), args.get(0).equals("accept"), request.event().chat());
    return true;
  }

  static long requestId(String text) {
    try {
      return Long.parseLong(text.startsWith("#") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a request number.");
    }
  }

  private static String names(List<Rotation> rotations) {
    return rotations.stream().map(r -> r.id().value()).collect(Collectors.joining(", "));
  }
}
