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
import java.util.function.Function;

/** {@code /silences}: the active silences, who set them when, and when they end. */
public final class SilencesCommand implements CommandHandler {
  private final Silences silences;
  private final SilenceTexts texts;
  private final Function<ChatRef, ZoneId> zones;
  private final Clock clock;

  public SilencesCommand(
      Silences silences, Team team, Function<ChatRef, ZoneId> zones, Clock clock) {
    this.silences = silences;
    this.texts = new SilenceTexts(team);
    this.zones = zones;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "silences";
  }

  @Override
  public String usage() {
    return "/silences";
  }

  @Override
  public String summary() {
    return "the active silences: what, who set them when, when they end";
  }

  @Override
  public boolean storesOnly() {
    // A configured window that has just opened is stored by the listing, with its number.
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    Instant now = clock.instant();
    List<Silence> active = silences.active(now);
    if (active.isEmpty()) {
      return CommandReply.plain("🔔 No active silences: every alert pages as usual.");
    }
    ZoneId zone = zones.apply(request.event().chat());
    StringBuilder text =
        new StringBuilder("🔕 ")
            .append(active.size())
            .append(active.size() == 1 ? " active silence:" : " active silences:");
    for (Silence s : active) {
      text.append("\n")
          .append(s.label())
          .append(" on ")
          .append(SilenceMatches.describe(s.match()))
          .append(", set by ")
          .append(texts.who(s.createdBy()))
          .append(" at ")
          .append(SilenceTexts.at(s.createdAt(), zone))
          .append(", ends ")
          .append(SilenceTexts.at(s.endsAt(), zone))
          .append(s.quiet() ? " (quiet" : " (")
          .append(s.quiet() && s.includeHigh() ? ", " : "")
          .append(s.includeHigh() ? "high priority included" : "")
          .append(")");
    }
    return CommandReply.plain(text.toString().replace(" ()", ""));
  }
}
