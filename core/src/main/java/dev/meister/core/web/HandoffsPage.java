package dev.meister.core.web;

import dev.meister.core.alert.Alert;
import dev.meister.core.filing.Resolution;
import dev.meister.core.filing.ResolutionStore;
import dev.meister.core.handoff.EpicMove;
import dev.meister.core.handoff.HandoffKind;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.handoff.HandoffStore;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.TimeFormat;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The "Hand-offs" page: per rotation, the recorded hand-offs newest first (what {@code meister
 * handoffs} prints): who handed to whom, when each side confirmed, the reminder and the team lead's
 * escalation, the epic move, the notes, and the alerts that were open at the boundary.
 *
 * <p>"Open at the boundary" is derived, not stored: the rotation's alerts received before the
 * boundary and not resolved by then, among the latest {@link AlertsPage#RECENT} alerts.
 */
public record HandoffsPage(Optional<String> rotation, List<History> rotations) {
  public static final int LIMIT = 30;

  /** At most this many open alerts are named per hand-off; the rest are counted. */
  public static final int OPEN_SHOWN = 5;

  public HandoffsPage {
    rotations = List.copyOf(rotations);
  }

  /** One rotation's hand-offs, newest first. */
  public record History(String id, String name, String zone, List<Row> rows) {
    public History {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One hand-off, its times in the rotation's zone.
   *
   * @param kind "to the weekend", "back from the weekend" or "shift"
   * @param state "complete", "waiting for Bob Stone to accept", …
   * @param open the alerts open at the boundary, at most {@link #OPEN_SHOWN}
   * @param openCount how many were open in all
   */
  public record Row(
      String position,
      String boundary,
      String kind,
      String from,
      String to,
      boolean complete,
      String state,
      Optional<String> handedOver,
      Optional<String> accepted,
      Optional<String> reminded,
      Optional<String> escalated,
      Optional<String> epic,
      Optional<String> notes,
      List<String> open,
      int openCount) {
    public Row {
      open = List.copyOf(open);
    }
  }

  /**
   * The page for {@code rotations} (or the one {@code only} names).
   *
   * @param alerts the latest alerts, newest first ({@code AlertStore.recent})
   */
  public static HandoffsPage of(
      List<Rotation> rotations,
      Optional<String> only,
      HandoffStore handoffs,
      List<Alert> alerts,
      ResolutionStore resolutions,
      Team team) {
    List<History> histories = new ArrayList<>();
    for (Rotation r : rotations) {
      if (only.isPresent() && !r.id().value().equals(only.get())) {
        continue;
      }
      List<Alert> own =
          alerts.stream()
              .filter(a -> a.routedRotation().map(id -> id.equals(r.id())).orElse(false))
              .toList();
      List<Row> rows = new ArrayList<>();
      for (HandoffRecord h : handoffs.history(r.id(), LIMIT)) {
        rows.add(row(r, h, openAt(h.boundary(), own, resolutions), team));
      }
      histories.add(new History(r.id().value(), r.displayName(), r.zone().getId(), rows));
    }
    return new HandoffsPage(only, histories);
  }

  /** The alerts received before {@code at} that nobody had resolved by then, newest first. */
  static List<Alert> openAt(Instant at, List<Alert> alerts, ResolutionStore resolutions) {
    List<Alert> open = new ArrayList<>();
    for (Alert a : alerts) {
      if (!a.receivedAt().isBefore(at)) {
        continue;
      }
      Optional<Resolution> fixed = resolutions.resolutionOf(a.storedId());
      if (fixed.isEmpty() || fixed.get().at().isAfter(at)) {
        open.add(a);
      }
    }
    return open;
  }

  private static Row row(Rotation r, HandoffRecord h, List<Alert> open, Team team) {
    ZoneId zone = r.zone();
    String from = AlertsPage.name(team, h.outgoing());
    String to = AlertsPage.name(team, h.incoming());
    String state =
        switch (h.state()) {
          case COMPLETE -> "complete";
          case OUTGOING_CONFIRMED -> "waiting for " + to + " to accept";
          case INCOMING_CONFIRMED -> "waiting for " + from + " to confirm";
          case PENDING -> "waiting for both";
        };
    return new Row(
        h.position() == Position.PRIMARY ? "Primary" : "Level 2",
        TimeFormat.at(h.boundary(), zone),
        kind(HandoffKind.at(r, h.boundary())),
        from,
        to,
        h.isComplete(),
        state,
        at(h.outgoingConfirmedAt(), zone),
        at(h.incomingConfirmedAt(), zone),
        at(h.remindedAt(), zone),
        at(h.escalatedAt(), zone),
        epic(h.epic()),
        Optional.ofNullable(h.notes()),
        open.stream()
            .limit(OPEN_SHOWN)
            .map(a -> "#" + a.storedId().value() + " " + a.title())
            .toList(),
        open.size());
  }

  private static String kind(HandoffKind kind) {
    return switch (kind) {
      case TO_WEEKEND -> "to the weekend";
      case FROM_WEEKEND -> "back from the weekend";
      case SHIFT -> "shift";
    };
  }

  private static Optional<String> epic(EpicMove move) {
    if (move.state() == EpicMove.State.NONE) {
      return Optional.empty();
    }
    String s = move.state().name().toLowerCase(Locale.ROOT);
    return Optional.of(
        move.error() != null && move.state() != EpicMove.State.DONE
            ? s + " (" + move.error() + ")"
            : s);
  }

  private static Optional<String> at(@Nullable Instant at, ZoneId zone) {
    return Optional.ofNullable(at).map(t -> TimeFormat.at(t, zone));
  }
}
