package dev.meister.core.usergroup;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Backoff;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.Handover;
import dev.meister.core.schedule.OnCall;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each rotation's user group on its on-call: at each run it works out who is on call now
 * (overrides and swaps included), records them as wanted, and asks the chat to make them the group
 * when it does not have them yet. A failure is retried with the outbox's backoff; a refusal (a
 * missing scope) is said once in the rotation's chat and not tried again until the on-call changes.
 * Its next moment is the next hand-over of either position, or the retry.
 */
public final class OnCallGroups implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(OnCallGroups.class);

  private final List<GroupRule> rules;
  private final dev.meister.core.schedule.OnCallDirectory directory;
  private final Team team;
  private final GroupStateStore store;
  private final UserGroups groups;
  private final Map<dev.meister.core.schedule.RotationId, ChatRef> chats;
  private final Outbox outbox;
  private final Transactions transactions;

  public OnCallGroups(
      List<GroupRule> rules,
      dev.meister.core.schedule.OnCallDirectory directory,
      Team team,
      GroupStateStore store,
      UserGroups groups,
      Map<dev.meister.core.schedule.RotationId, ChatRef> chats,
      Outbox outbox,
      Transactions transactions) {
    this.rules = List.copyOf(rules);
    this.directory = directory;
    this.team = team;
    this.store = store;
    this.groups = groups;
    this.chats = Map.copyOf(chats);
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "user-groups";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (GroupRule rule : rules) {
      Optional<Rotation> rotation = directory.find(rule.rotation());
      if (rotation.isEmpty()) {
        continue;
      }
      next = DueWork.earliest(next, sync(rule, rotation.get(), now));
    }
    return next;
  }

  private Optional<Instant> sync(GroupRule rule, Rotation rotation, Instant now) {
    OnCallResolver resolver = directory.resolver(rotation, now);
    OnCall onCall = resolver.onCallAt(now);
    List<MemberId> wanted = new ArrayList<>(List.of(onCall.primary().member()));
    if (rule.withLevel2()) {
      onCall
          .secondaryAssignment()
          .map(a -> a.member())
          .filter(m -> !wanted.contains(m))
          .ifPresent(wanted::add);
    }
    store.want(rule.rotation(), rule.handle(), wanted, now);
    GroupState state = store.find(rule.rotation()).orElseThrow();
    Optional<Instant> boundary = nextBoundary(resolver, rule, now);
    if (state.inSync() || state.refused().isPresent()) {
      return boundary;
    }
    if (state.notBefore().isAfter(now)) {
      return DueWork.earliest(boundary, Optional.of(state.notBefore()));
    }
    List<Member> members = wanted.stream().map(team::get).toList();
    try {
      groups.setMembers(rule.handle(), members);
      store.synced(rule.rotation(), wanted, now);
      log.info("@{} is now {}", rule.handle(), wanted);
      return boundary;
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        Instant retry = now.plus(Backoff.after(state.failures() + 1, e.retryAfter()));
        store.failed(rule.rotation(), retry, String.valueOf(e.getMessage()));
        log.warn("@{}: updating failed, again at {}: {}", rule.handle(), retry, e.getMessage());
        return DueWork.earliest(boundary, Optional.of(retry));
      }
      refused(rule, String.valueOf(e.getMessage()));
      return boundary;
    }
  }

  /** Said once: the refusal is recorded in the transaction that queues the message. */
  private void refused(GroupRule rule, String error) {
    log.warn("@{}: the chat refused the update: {}", rule.handle(), error);
    transactions.inTransaction(
        () -> {
          store.refused(rule.rotation(), error);
          Optional.ofNullable(chats.get(rule.rotation()))
              .ifPresent(
                  chat ->
                      outbox.enqueue(
                          PendingMessage.post(
                              chat,
                              OutgoingMessage.plain(
                                  "⚠️ I could not update @"
                                      + rule.handle()
                                      + " to follow the on-call: "
                                      + error
                                      + ". I try again at the next change of on-call."),
                              null)));
        });
  }

  private static Optional<Instant> nextBoundary(
      OnCallResolver resolver, GroupRule rule, Instant now) {
    Optional<Instant> next = resolver.nextHandover(Position.PRIMARY, now).map(Handover::at);
    if (rule.withLevel2() && resolver.rotation().secondaryRoster().isPresent()) {
      next =
          DueWork.earliest(next, resolver.nextHandover(Position.SECONDARY, now).map(Handover::at));
    }
    return next;
  }
}
