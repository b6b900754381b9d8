package dev.meister.core.handoff;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.Handover;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.Source;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off handshake over time: at each shift boundary the record is created and the
 * announcement queued in one transaction (so it is announced exactly once, also across restarts);
 * the open issues in it are asked from GitHub first ({@link IssueRefresh}) and filtered by seed
 * 001's rules ({@link HandedIssues}); reminders and the team lead's tag are recorded with their
 * messages the same way. Confirmations come from {@link HandoffCommand} and {@link HandoffButtons};
 * on completion the rotation's epic moves to the incoming member, retried with back-off and
 * reported in chat when GitHub refuses.
 */
public final class Handoffs implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

  /** Unacknowledged alerts older than this are not the outgoing member's to pass on. */
  private static final Duration OPEN_WORK_WINDOW = Duration.ofDays(31);

  private final OnCallDirectory directory;
  private final Team team;
  private final Map<RotationId, ChatRef> chats;
  private final Map<RotationId, EpicRef> epics;
  private final EpicMoves epicMoves;
  private final HandoffPolicy policy;
  private final HandoffStore store;
  private final OpenWork openWork;
  private final IssueRefresh issues;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final Set<RotationId> withoutHandshake;

  /**
   * @param assignees moves epics on GitHub; null when no token is configured, which is reported in
   *     chat when an epic should move
   */
  public Handoffs(
      OnCallDirectory directory,
      Team team,
      Map<RotationId, ChatRef> chats,
      Map<RotationId, EpicRef> epics,
      HandoffPolicy policy,
      HandoffStore store,
      OpenWork openWork,
      IssueRefresh issues,
      Outbox outbox,
      Transactions transactions,
      @Nullable EpicAssignees assignees,
      Clock clock) {
    this(
        directory,
        team,
        chats,
        epics,
        policy,
        store,
        openWork,
        issues,
        outbox,
        transactions,
        assignees,
        clock,
        Set.of());
  }

  /**
   * @param withoutHandshake rotations configured without the handshake ({@code shift_reminders}):
   *     their boundaries are announced by the shift reminders instead
   */
  public Handoffs(
      OnCallDirectory directory,
      Team team,
      Map<RotationId, ChatRef> chats,
      Map<RotationId, EpicRef> epics,
      HandoffPolicy policy,
      HandoffStore store,
      OpenWork openWork,
      IssueRefresh issues,
      Outbox outbox,
      Transactions transactions,
      @Nullable EpicAssignees assignees,
      Clock clock,
      Set<RotationId> withoutHandshake) {
    this.withoutHandshake = Set.copyOf(withoutHandshake);
    this.directory = directory;
    this.team = team;
    this.chats = Map.copyOf(chats);
    this.epics = Map.copyOf(epics);
    this.policy = policy;
    this.store = store;
    this.openWork = openWork;
    this.issues = issues;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.epicMoves = new EpicMoves(epics, team, store, transactions, assignees, this::post, clock);
  }

  @Override
  public String name() {
    return "handoffs";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Rotation r : directory.rotations()) {
      if (withoutHandshake.contains(r.id())) {
        continue;
      }
      try {
        next = DueWork.earliest(next, rotationDue(r, now));
      } catch (RuntimeException e) {
        log.error("hand-off work of rotation {} failed", r.id(), e);
      }
    }
    return DueWork.earliest(next, epicMoves.runDue(now));
  }

  private Optional<Instant> rotationDue(Rotation rotation, Instant now) {
    OnCallResolver resolver = directory.resolver(rotation, now.minus(OPEN_WORK_WINDOW));
    HandoffBoundaries.latest(resolver, now, policy.announceWithin())
        .ifPresent(h -> announceOnce(rotation, resolver, h));
    Optional<HandoffRecord> latest = store.latest(rotation.id(), Position.PRIMARY);
    if (latest.isPresent() && FollowUp.dueAt(latest.get(), policy, now) != FollowUp.NONE) {
      followUp(rotation, latest.get().boundary(), now);
      latest = store.latest(rotation.id(), Position.PRIMARY);
    }
    Optional<Instant> next = HandoffBoundaries.after(resolver, now).map(Handover::at);
    return DueWork.earliest(next, latest.flatMap(r -> FollowUp.next(r, policy)));
  }

  private void announceOnce(Rotation rotation, OnCallResolver resolver, Handover h) {
    if (store.find(rotation.id(), Position.PRIMARY, h.at()).isPresent()) {
      return;
    }
    Instant since = openWorkSince(resolver, h);
    Instant floor = h.at().minus(OPEN_WORK_WINDOW);
    Instant from = since.isBefore(floor) ? floor : since;
    Optional<Instant> until = HandoffBoundaries.until(resolver, h);
    HandoffKind kind = HandoffKind.at(rotation, h.at());
    // Asked from GitHub before the transaction: no network call while the database is locked.
    HandedIssues handed = issues.handed(rotation.id(), kind);
    boolean created =
        transactions.inTransaction(
            () -> {
              if (store.find(rotation.id(), Position.PRIMARY, h.at()).isPresent()) {
                return false;
              }
              HandoffRecord r =
                  HandoffRecord.announced(
                      rotation.id(), Position.PRIMARY, h.at(), h.from(), h.to());
              store.save(r);
              post(
                  rotation.id(),
                  HandoffAnnouncement.of(
                      rotation,
                      r,
                      until,
                      kind,
                      handed,
                      openWork.unacknowledged(rotation.id(), from),
                      openWork.escalated(rotation.id(), from).stream()
                          .map(e -> e.describe(team))
                          .toList()));
              return true;
            });
    if (created) {
      log.info("hand-off {} ({}): {} → {} at {}", rotation.id(), kind, h.from(), h.to(), h.at());
    }
  }

  /**
   * Where the unacknowledged alerts to pass on start: the outgoing shift's start. When the weekend
   * layer hands back, also the weekday shift it interrupted: its unanswered alerts went to the
   * weekend on-call on Friday and are still nobody's answer on Monday.
   */
  private static Instant openWorkSince(OnCallResolver resolver, Handover h) {
    Optional<Assignment> outgoing = resolver.assignmentAt(Position.PRIMARY, h.at().minusMillis(1));
    if (outgoing.isEmpty()) {
      return h.at();
    }
    Instant since = outgoing.get().start();
    if (outgoing.get().source() == Source.WEEKEND && h.toSource() != Source.WEEKEND) {
      since =
          resolver
              .assignmentAt(Position.PRIMARY, since.minusMillis(1))
              .map(Assignment::start)
              .orElse(since);
    }
    return since;
  }

  private void followUp(Rotation rotation, Instant boundary, Instant now) {
    transactions.inTransaction(
        () -> {
          // Read again inside the transaction: a confirmation may have landed since.
          Optional<HandoffRecord> current = store.find(rotation.id(), Position.PRIMARY, boundary);
          if (current.isEmpty()) {
            return false;
          }
          HandoffRecord r = current.get();
          FollowUp due = FollowUp.dueAt(r, policy, now);
          if (due == FollowUp.ESCALATE) {
            HandoffRecord updated = r.remindedAt() == null ? r.reminded(now) : r;
            store.save(updated.escalated(now));
            post(rotation.id(), HandoffMessages.escalation(rotation, r, team.teamLeads()));
            return true;
          }
          if (due == FollowUp.REMIND) {
            store.save(r.reminded(now));
            post(rotation.id(), HandoffMessages.reminder(rotation, r));
            return true;
          }
          return false;
        });
  }

  /**
   * Applies a confirmation to the record at {@code boundary}; posts what changed and, when both
   * confirmed, "Hand-off complete" and the epic move.
   */
  Confirmation confirm(
      RotationId rotationId, Instant boundary, MemberId who, Party party, @Nullable String notes) {
    Rotation rotation = directory.find(rotationId).orElseThrow();
    Instant now = clock.instant();
    Confirmation result =
        transactions.inTransaction(
            () -> {
              HandoffRecord r =
                  store
                      .find(rotationId, Position.PRIMARY, boundary)
                      .orElseThrow(() -> new IllegalArgumentException("That hand-off is unknown."));
              if (!party.memberOf(r).equals(who)) {
                throw new IllegalArgumentException(
                    "Only "
                        + party.memberOf(r)
                        + " can "
                        + (party == Party.OUTGOING ? "hand this over." : "accept this hand-off."));
              }
              if (party.confirmedAt(r) != null) {
                return new Confirmation(r, false);
              }
              HandoffRecord updated =
                  party == Party.OUTGOING
                      ? r.confirmedByOutgoing(now, notes)
                      : r.acceptedByIncoming(now);
              if (updated.isComplete()) {
                if (epics.containsKey(rotationId)) {
                  updated = updated.withEpic(EpicMove.pending(now));
                }
                post(
                    rotationId,
                    HandoffMessages.complete(rotation, updated, until(rotation, updated)));
              } else {
                post(
                    rotationId,
                    party == Party.OUTGOING
                        ? HandoffMessages.outgoingConfirmed(rotation, updated)
                        : HandoffMessages.incomingAccepted(rotation, updated));
              }
              store.save(updated);
              return new Confirmation(updated, true);
            });
    if (result.changed() && result.record().epic().state() == EpicMove.State.PENDING) {
      epicMoves.move(result.record());
    }
    return result;
  }

  private @Nullable Instant until(Rotation rotation, HandoffRecord r) {
    OnCallResolver resolver = directory.resolver(rotation, r.boundary());
    return HandoffBoundaries.after(resolver, r.boundary()).map(Handover::at).orElse(null);
  }

  private void post(RotationId rotation, OutgoingMessage message) {
    ChatRef chat = chats.get(rotation);
    if (chat == null) {
      log.warn(
          "rotation {} names no chat; hand-off message not posted: {}",
          rotation,
          message.text().plainText());
      return;
    }
    outbox.enqueue(PendingMessage.post(chat, message, null));
  }

  OnCallDirectory directory() {
    return directory;
  }

  HandoffStore store() {
    return store;
  }

  Optional<ChatRef> chatOf(RotationId rotation) {
    return Optional.ofNullable(chats.get(rotation));
  }

  /** Which side of the handshake confirms. */
  enum Party {
    OUTGOING,
    INCOMING;

    MemberId memberOf(HandoffRecord r) {
      return this == OUTGOING ? r.outgoing() : r.incoming();
    }

    @Nullable Instant confirmedAt(HandoffRecord r) {
      return this == OUTGOING ? r.outgoingConfirmedAt() : r.incomingConfirmedAt();
    }
  }

  /** The record after a confirmation; {@code changed} is false when it was already given. */
  record Confirmation(HandoffRecord record, boolean changed) {}
}
