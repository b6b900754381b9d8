package dev.meister.core.schedule;

import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.ScheduleRequest.Kind;
import dev.meister.core.schedule.ScheduleRequest.State;
import dev.meister.core.team.MemberId;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Overrides and swaps asked for in chat. A request is stored and the other person asked; only their
 * "yes" writes the schedule change (through the directory's cached store, so {@code /whoisoncall}
 * shows it at once). A request not answered within two days, or whose time has come, expires.
 */
public final class ScheduleRequests {
  public static final String YES = ButtonAction.ACCEPT_REQUEST;
  public static final String NO = ButtonAction.DECLINE_REQUEST;
  static final Duration EXPIRY = Duration.ofDays(2);
  private static final String EXPIRED = "expired";

  private final OnCallDirectory directory;
  private final ScheduleRequestStore store;
  private final OverrideStore overrides;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  public ScheduleRequests(
      OnCallDirectory directory,
      ScheduleRequestStore store,
      OverrideStore overrides,
      Outbox outbox,
      Transactions transactions,
      Clock clock) {
    this.directory = directory;
    this.store = store;
    this.overrides = overrides;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  OnCallDirectory directory() {
    return directory;
  }

  /** Asks {@code other} to cover {@code rotation}'s primary position in {@code [start, end)}. */
  ScheduleRequest requestOverride(
      Rotation rotation,
      MemberId requester,
      MemberId other,
      Instant start,
      Instant end,
      ChatRef chat) {
    Instant now = clock.instant();
    if (!end.isAfter(now)) {
      throw new IllegalArgumentException("That period is already over.");
    }
    OnCallResolver resolver = directory.resolver(rotation, start);
    boolean requesterOnCall =
        resolver.between(Position.PRIMARY, start, end).stream()
            .anyMatch(a -> a.member().equals(requester));
    ScheduleRequest r =
        new ScheduleRequest(
            0,
            Kind.OVERRIDE,
            rotation.id(),
            requester,
            other,
            requesterOnCall ? requester : null,
            start,
            end,
            State.PENDING,
            now,
            null);
    return ask(r, rotation, chat);
  }

  /** Asks {@code other} to exchange their next shift with {@code requester}'s next one. */
  ScheduleRequest requestSwap(Rotation rotation, MemberId requester, MemberId other, ChatRef chat) {
    Instant now = clock.instant();
    OnCallResolver resolver = directory.resolver(rotation, now);
    List<Assignment> ahead =
        resolver.between(
            Position.PRIMARY,
            now,
            now.plus(
                rotation.shiftLength().nominal().multipliedBy(3L * rotation.primary().size() + 4)));
    Optional<Assignment> mine = nextShift(ahead, requester, now);
    Optional<Assignment> theirs =
        mine.flatMap(
            m ->
                nextShift(
                    ahead.stream().filter(a -> a.source() == m.source()).toList(), other, now));
    if (mine.isEmpty()) {
      throw new IllegalArgumentException(
          "You have no upcoming " + rotation.displayName() + " shift to swap.");
    }
    if (theirs.isEmpty()) {
      throw new IllegalArgumentException(
          other
              + " has no upcoming "
              + rotation.displayName()
              + " shift of the same kind to swap with.");
    }
    SwapLayer layer = mine.get().source() == Source.WEEKEND ? SwapLayer.WEEKEND : SwapLayer.PRIMARY;
    Swap swap = new Swap(null, rotation.id(), layer, mine.get().start(), theirs.get().start());
    List<String> problems = resolver.problems(swap);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "That swap would not work: " + String.join("; ", problems) + ".");
    }
    ScheduleRequest r =
        new ScheduleRequest(
            0,
            Kind.SWAP,
            rotation.id(),
            requester,
            other,
            null,
            mine.get().start(),
            theirs.get().start(),
            State.PENDING,
            now,
            null);
    return ask(r, rotation, chat);
  }

  private static Optional<Assignment> nextShift(List<Assignment> ahead, MemberId who, Instant now) {
    return ahead.stream()
        .filter(
            a ->
                a.member().equals(who)
                    && a.start().isAfter(now)
                    && (a.source() == Source.REGULAR || a.source() == Source.WEEKEND))
        .findFirst();
  }

  private ScheduleRequest ask(ScheduleRequest request, Rotation rotation, ChatRef chat) {
    return transactions.inTransaction(
        () -> {
          ScheduleRequest r = store.add(request);
          outbox.enqueue(PendingMessage.post(chat, question(r, rotation), null));
          return r;
        });
  }

  /**
   * The other person's answer.
   *
   * @throws IllegalArgumentException when the request is unknown, not theirs, or already settled
   */
  String answer(long id, MemberId who, boolean yes, ChatRef chat) {
    Instant now = clock.instant();
    String reply =
        transactions.inTransaction(
            () -> {
              ScheduleRequest r =
                  store
                      .find(id)
                      .orElseThrow(
                          () -> new IllegalArgumentException("There is no request " + id + "."));
              if (!r.other().equals(who)) {
                throw new IllegalArgumentException(
                    "Only " + r.other() + " can answer request " + id + ".");
              }
              if (r.state() != State.PENDING) {
                throw new IllegalArgumentException(
                    "Request "
                        + id
                        + " is already "
                        + r.state().name().toLowerCase(java.util.Locale.ROOT)
                        + ".");
              }
              Rotation rotation =
                  directory
                      .find(r.rotation())
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "Rotation " + r.rotation() + " no longer exists."));
              if (expired(r, now)) {
                // Recorded, not thrown: throwing here would roll the expiry back.
                store.decide(r.decided(State.EXPIRED, now), 0);
                return EXPIRED;
              }
              if (!yes) {
                store.decide(r.decided(State.DECLINED, now), 0);
                outbox.enqueue(
                    PendingMessage.post(
                        chat,
                        OutgoingMessage.of(
                            RichText.builder()
                                .mention(who)
                                .text(" declined request " + id + " from ")
                                .mention(r.requester())
                                .text(".")
                                .build()),
                        null));
                return "Declined.";
              }
              long changeId = apply(r);
              store.decide(r.decided(State.ACCEPTED, now), changeId);
              outbox.enqueue(PendingMessage.post(chat, done(r, rotation), null));
              return "Done.";
            });
    if (reply.equals(EXPIRED)) {
      throw new IllegalArgumentException("Request " + id + " has expired; ask again.");
    }
    return reply;
  }

  private static boolean expired(ScheduleRequest r, Instant now) {
    Instant starts = r.kind() == Kind.SWAP && r.end().isBefore(r.start()) ? r.end() : r.start();
    return now.isAfter(r.createdAt().plus(EXPIRY))
        || (r.kind() == Kind.SWAP && !starts.isAfter(now))
        || (r.kind() == Kind.OVERRIDE && !r.end().isAfter(now));
  }

  private long apply(ScheduleRequest r) {
    if (r.kind() == Kind.OVERRIDE) {
      return overrides
          .add(
              new ScheduleOverride(
                  null,
                  r.rotation(),
                  Position.PRIMARY,
                  r.other(),
                  r.covered(),
                  r.start(),
                  r.end(),
                  "asked in chat by " + r.requester()))
          .storedId()
          .value();
    }
    Swap swap = overrides.add(new Swap(null, r.rotation(), layerOf(r), r.start(), r.end()));
    return swap.id() == null ? 0 : swap.id().value();
  }

  private SwapLayer layerOf(ScheduleRequest r) {
    Rotation rotation = directory.find(r.rotation()).orElseThrow();
    return directory
        .resolver(rotation, r.start())
        .assignmentAt(Position.PRIMARY, r.start())
        .filter(a -> a.source() == Source.WEEKEND)
        .map(a -> SwapLayer.WEEKEND)
        .orElse(SwapLayer.PRIMARY);
  }

  private static OutgoingMessage question(ScheduleRequest r, Rotation rotation) {
    RichText.Builder t =
        RichText.builder()
            .emoji("calendar")
            .text(" ")
            .mention(r.other())
            .text(": ")
            .mention(r.requester());
    if (r.kind() == Kind.OVERRIDE) {
      t.text(
          " asks you to take "
              + rotation.displayName()
              + " from "
              + TimeFormat.when(r.start(), rotation.zone())
              + " to "
              + TimeFormat.when(r.end(), rotation.zone())
              + ".");
    } else {
      t.text(
          " asks to swap shifts in "
              + rotation.displayName()
              + ": you take theirs from "
              + TimeFormat.when(r.start(), rotation.zone())
              + ", they take yours from "
              + TimeFormat.when(r.end(), rotation.zone())
              + ".");
    }
    String kind = r.kind() == Kind.OVERRIDE ? "override" : "swap";
    t.text(" Answer with the buttons or /" + kind + " accept " + r.id() + " (or decline).");
    return new OutgoingMessage(
        t.build(),
        List.of(
            new Button("✅ Accept", new ButtonAction.AcceptRequest(r.id())),
            new Button("✖ Decline", new ButtonAction.DeclineRequest(r.id()))));
  }

  private static OutgoingMessage done(ScheduleRequest r, Rotation rotation) {
    RichText.Builder t = RichText.builder().emoji("white_check_mark").text(" ");
    if (r.kind() == Kind.OVERRIDE) {
      t.mention(r.other())
          .text(
              " has "
                  + rotation.displayName()
                  + " from "
                  + TimeFormat.when(r.start(), rotation.zone())
                  + " to "
                  + TimeFormat.when(r.end(), rotation.zone())
                  + ".");
    } else {
      t.mention(r.other())
          .text(" and ")
          .mention(r.requester())
          .text(
              " swapped their "
                  + rotation.displayName()
                  + " shifts from "
                  + TimeFormat.when(r.start(), rotation.zone())
                  + " and "
                  + TimeFormat.when(r.end(), rotation.zone())
                  + ".");
    }
    return OutgoingMessage.of(t.text(" /whoisoncall shows it.").build());
  }
}
