package dev.meister.core.handoff;

import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a rotation's epic to the incoming member once a hand-off completed: one attempt right away,
 * then retries with back-off while GitHub is out; the outcome is stored with the chat message that
 * reports it, and the hand-off stays complete whatever GitHub says.
 */
final class EpicMoves {
  private static final Logger log = LoggerFactory.getLogger(EpicMoves.class);

  private final Map<RotationId, EpicRef> epics;
  private final Team team;
  private final HandoffStore store;
  private final Transactions transactions;
  private final @Nullable EpicAssignees assignees;
  private final BiConsumer<RotationId, OutgoingMessage> post;
  private final Clock clock;

  EpicMoves(
      Map<RotationId, EpicRef> epics,
      Team team,
      HandoffStore store,
      Transactions transactions,
      @Nullable EpicAssignees assignees,
      BiConsumer<RotationId, OutgoingMessage> post,
      Clock clock) {
    this.epics = Map.copyOf(epics);
    this.team = team;
    this.store = store;
    this.transactions = transactions;
    this.assignees = assignees;
    this.post = post;
    this.clock = clock;
  }

  /** Retries the moves whose time has come; returns when the next one is due. */
  Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (HandoffRecord pending : store.epicMovesPending()) {
      if (pending.epic().isDueAt(now)) {
        move(pending);
      } else {
        next = DueWork.earliest(next, Optional.ofNullable(pending.epic().nextAttemptAt()));
      }
    }
    return next;
  }

  /** One attempt at moving the epic; the outcome is stored with its chat message. */
  synchronized void move(HandoffRecord record) {
    EpicRef epic = epics.get(record.rotation());
    EpicMove before = record.epic();
    EpicMove outcome = epic == null ? EpicMove.none() : attempt(epic, record, clock.instant());
    transactions.inTransaction(
        () -> {
          HandoffRecord current =
              store.find(record.rotation(), record.position(), record.boundary()).orElse(record);
          if (current.epic().state() != EpicMove.State.PENDING) {
            return false;
          }
          store.save(current.withEpic(outcome));
          if (epic != null) {
            message(epic, current, before, outcome)
                .ifPresent(m -> post.accept(record.rotation(), m));
          }
          return true;
        });
  }

  private EpicMove attempt(EpicRef epic, HandoffRecord r, Instant now) {
    String from = login(r.outgoing());
    String to = login(r.incoming());
    if (to == null) {
      return r.epic()
          .failed(r.incoming() + " has no github login in the team configuration", false, now);
    }
    if (assignees == null) {
      return r.epic().failed("no GitHub token is configured (handoffs.github_token)", false, now);
    }
    try {
      assignees.move(epic, from == null ? to : from, to);
      log.info("epic {} moved from {} to {}", epic, from, to);
      return r.epic().done();
    } catch (EpicMoveException e) {
      log.warn("moving epic {} to {} failed: {}", epic, to, e.getMessage());
      return r.epic().failed(String.valueOf(e.getMessage()), e.retryable(), now);
    }
  }

  private static Optional<OutgoingMessage> message(
      EpicRef epic, HandoffRecord r, EpicMove before, EpicMove after) {
    String error = after.error() == null ? "unknown error" : after.error();
    return switch (after.state()) {
      case DONE -> Optional.of(HandoffMessages.epicMoved(epic, r.incoming()));
      case FAILED -> Optional.of(HandoffMessages.epicFailed(epic, r, error));
      // Said once; later retries stay quiet until they succeed or give up.
      case PENDING ->
          before.attempts() == 0
              ? Optional.of(HandoffMessages.epicRetrying(epic, r, error))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private @Nullable String login(MemberId id) {
    return team.find(id).map(Member::githubLogin).orElse(null);
  }
}
