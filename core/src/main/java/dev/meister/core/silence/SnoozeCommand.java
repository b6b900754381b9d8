package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.filing.ResolutionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /snooze DURATION} as a reply to an alert (or {@code /snooze #ID DURATION} anywhere): its
 * escalation, its "still on it?" nudge and its fix-or-revert reminders wait until then, and when
 * the time is up it comes back to the on-call in its thread, unless it was resolved. Stored, so a
 * restart keeps it; a second snooze replaces the first.
 */
public final class SnoozeCommand implements CommandHandler {
  /** A snooze longer than this is forgetting the alert, not snoozing it. */
  public static final Duration MAX = Duration.ofDays(7);

  private final SnoozeStore snoozes;
  private final AlertStore alerts;
  private final ResolutionStore resolutions;
  private final MessageLinkStore messages;
  private final Function<ChatRef, ZoneId> zones;
  private final Clock clock;

  public SnoozeCommand(
      SnoozeStore snoozes,
      AlertStore alerts,
      ResolutionStore resolutions,
      MessageLinkStore messages,
      Function<ChatRef, ZoneId> zones,
      Clock clock) {
    this.snoozes = snoozes;
    this.alerts = alerts;
    this.resolutions = resolutions;
    this.messages = messages;
    this.zones = zones;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "snooze";
  }

  @Override
  public String usage() {
    return "/snooze [#ALERT] DURATION";
  }

  @Override
  public String summary() {
    return "reply to an alert: hold its escalation and reminders back, e.g. /snooze 2h; it comes"
        + " back to the on-call then";
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
    List<String> args = new ArrayList<>(request.args());
    Optional<AlertId> alert = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).matches("#\\d{1,18}")) {
        alert = Optional.of(new AlertId(Long.parseLong(args.remove(i).substring(1))));
        break;
      }
    }
    MessageRef replyTo = request.event().replyTo();
    if (alert.isEmpty() && replyTo != null) {
      alert = messages.alertFor(replyTo).or(() -> messages.alertAnsweredBy(replyTo));
    }
    if (alert.isEmpty() || args.size() != 1) {
      throw new IllegalArgumentException(
          "Reply to an alert with /snooze DURATION, or give its number, e.g. /snooze #7 2h.");
    }
    Duration length = ChatDurations.parse(args.get(0), MAX);
    AlertId id = alert.get();
    Alert found =
        alerts
            .find(id)
            .orElseThrow(() -> new IllegalArgumentException("There is no alert #" + id + "."));
    if (resolutions.resolutionOf(id).isPresent()) {
      throw new IllegalArgumentException(
          "Alert " + id + " is resolved already: nothing to snooze.");
    }
    Instant now = clock.instant();
    Instant until = now.plus(length);
    snoozes.snooze(
        new Snooze(id, until, request.sender().orElseThrow().id(), now, Optional.empty()));
    return CommandReply.plain(
        "💤 Alert "
            + id
            + " ("
            + SilenceTexts.cap(found.title())
            + ") snoozed until "
            + SilenceTexts.at(until, zones.apply(request.event().chat()))
            + " ("
            + ChatDurations.describe(length)
            + "): its escalation and reminders wait; it comes back to the on-call then unless"
            + " resolved.");
  }
}
