package dev.meister.core.silence;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.team.Team;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /unsilence ID}: lifts a silence at once; alerts page as usual again, and a quiet one's
 * summary follows from the timer.
 */
public final class UnsilenceCommand implements CommandHandler {
  private final Silences silences;
  private final SilenceTexts texts;
  private final Function<ChatRef, ZoneId> zones;
  private final Clock clock;

  public UnsilenceCommand(
      Silences silences, Team team, Function<ChatRef, ZoneId> zones, Clock clock) {
    this.silences = silences;
    this.texts = new SilenceTexts(team);
    this.zones = zones;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "unsilence";
  }

  @Override
  public String usage() {
    return "/unsilence ID";
  }

  @Override
  public String summary() {
    return "lift a silence, e.g. /unsilence 4";
  }

  @Override
  public boolean changesState() {
    return true;
  }

  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    List<String> args = request.args();
    if (args.size() != 1 || !args.get(0).matches("#?\\d{1,18}")) {
      throw new IllegalArgumentException(
          "Usage: /unsilence ID, e.g. /unsilence 4 (see /silences).");
    }
    long id = Long.parseLong(args.get(0).replace("#", ""));
    Instant now = clock.instant();
    // A configured window that has just opened is stored first, so its number can be lifted.
    silences.active(now);
    Optional<Silence> found = silences.store().find(id);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("There is no silence #" + id + ".");
    }
    Silence s = found.get();
    ZoneId zone = zones.apply(request.event().chat());
    String by = request.sender().orElseThrow().id().value();
    if (!silences.store().lift(id, by, now)) {
      return CommandReply.plain(
          "Silence "
              + s.label()
              + " is not active"
              + (s.activeAt(now)
                  ? "."
                  : now.isBefore(s.from())
                      ? " yet."
                      : " any more (it ended " + SilenceTexts.at(s.endsAt(), zone) + ")."));
    }
    return CommandReply.plain(
        "🔔 Silence "
            + s.label()
            + " lifted by "
            + texts.who(by)
            + ": matching alerts page as usual again."
            + (s.quiet() ? " The alerts it kept back are summarised next." : ""));
  }
}
