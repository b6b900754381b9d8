package dev.meister.core.silence;

import dev.meister.core.alert.AlertMatch;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.team.Team;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /silence MATCH DURATION [REASON]}, e.g. {@code /silence dag=ohlcv_* 2h Exchange
 * maintenance}: from now on, for DURATION, alerts the match fits are posted without pinging anyone
 * ({@code --quiet}: not posted, summarised when it ends). High-priority alerts still page unless
 * {@code --include-high} says otherwise; a match of nothing (every alert) needs {@code --all}.
 * Anything wrong is answered in one line and stores nothing.
 */
public final class SilenceCommand implements CommandHandler {
  /** Longer than this is a mistake, or a reason to change the routes instead. */
  public static final Duration MAX = Duration.ofDays(30);

  private final Silences silences;
  private final SilenceTexts texts;
  private final Function<ChatRef, ZoneId> zones;
  private final Clock clock;

  /**
   * @param zones the zone times are shown in, per chat (its rotation's)
   */
  public SilenceCommand(
      Silences silences, Team team, Function<ChatRef, ZoneId> zones, Clock clock) {
    this.silences = silences;
    this.texts = new SilenceTexts(team);
    this.zones = zones;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "silence";
  }

  @Override
  public String usage() {
    return "/silence MATCH DURATION [REASON] [--quiet] [--include-high] [--all]";
  }

  @Override
  public String summary() {
    return "post matching alerts without pinging anyone for a while, e.g. /silence dag=ohlcv_* 2h"
        + " Exchange maintenance";
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
    boolean quiet = false;
    boolean includeHigh = false;
    boolean all = false;
    List<String> criteria = new ArrayList<>();
    Optional<String> duration = Optional.empty();
    List<String> reason = new ArrayList<>();
    for (String word : request.args()) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.startsWith("--")) {
        switch (w) {
          case "--quiet" -> quiet = true;
          case "--include-high", "--high" -> includeHigh = true;
          case "--all" -> all = true;
          default ->
              throw new IllegalArgumentException(
                  "Unknown option " + word + "; there are --quiet, --include-high and --all.");
        }
      } else if (duration.isEmpty() && SilenceMatches.isCriterion(word)) {
        criteria.add(word);
      } else if (duration.isEmpty()) {
        duration = Optional.of(word);
      } else {
        reason.add(word);
      }
    }
    if (duration.isEmpty()) {
      throw new IllegalArgumentException(
          "Usage: " + usage() + ", e.g. /silence dag=ohlcv_* 2h Exchange maintenance.");
    }
    AlertMatch match = SilenceMatches.parse(criteria);
    Duration length = ChatDurations.parse(duration.get(), MAX);
    if (SilenceMatches.matchesEverything(match) && !all) {
      throw new IllegalArgumentException(
          "That would silence every alert; say so with --all (/silence --all "
              + duration.get()
              + " REASON), or name what to silence, e.g. dag=ohlcv_*.");
    }
    Instant now = clock.instant();
    String by = request.sender().orElseThrow().id().value();
    Silence s =
        silences
            .store()
            .create(
                new SilenceDraft(
                    match,
                    now,
                    now.plus(length),
                    String.join(" ", reason),
                    by,
                    now,
                    quiet,
                    includeHigh,
                    Optional.empty()));
    ZoneId zone = zones.apply(request.event().chat());
    return CommandReply.plain(
        "🔕 Silence "
            + s.label()
            + " on "
            + SilenceMatches.describe(match)
            + " until "
            + SilenceTexts.at(s.until(), zone)
            + " ("
            + ChatDurations.describe(length)
            + "), set by "
            + texts.who(by)
            + ": matching alerts are "
            + SilenceTexts.effect(s)
            + ". /unsilence "
            + s.id()
            + " lifts it.");
  }
}
