package dev.meister.core.silence;

import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How silences and snoozes read in chat: times in the chat's zone, people by name. */
final class SilenceTexts {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private final Team team;

  SilenceTexts(Team team) {
    this.team = team;
  }

  /** A title as short as an alert's own message caps it. */
  static String cap(String title) {
    return title.length() <= 300 ? title : title.substring(0, 299) + "…";
  }

  static String at(Instant instant, ZoneId zone) {
    return AT.format(instant.atZone(zone));
  }

  /** A member's name; "the configuration" for a configured window. */
  String who(String actor) {
    if (actor.equals(Silence.CONFIG)) {
      return "the configuration";
    }
    return team.find(MemberId.of(actor)).map(Member::displayName).orElse(actor);
  }

  String name(MemberId member) {
    return team.find(member).map(Member::displayName).orElse(member.value());
  }

  /** What the silence does with what it catches, e.g. "posted without pinging anyone". */
  static String effect(Silence s) {
    String what =
        s.quiet() ? "not posted, summarised when it ends" : "posted without pinging anyone";
    return what + (s.includeHigh() ? ", high priority included" : "; high priority still pages");
  }
}
