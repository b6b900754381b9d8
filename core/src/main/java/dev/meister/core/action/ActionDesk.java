package dev.meister.core.action;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the chat asks for runbook actions: checks a request against the alert's policy and stores
 * it; the {@link ActionWorker}, woken once it has committed, reads the preview. Confirmation,
 * approval, denial and cancellation are compare-and-set steps on the stored request, each recorded
 * in the audit trail in the transaction that queues its chat message. Nothing here calls Airflow or
 * GitHub.
 */
public final class ActionDesk {
  private final ActionPolicies policies;
  private final ActionParties parties;
  private final ActionStore store;
  private final AlertStore alerts;
  private final MessageLinkStore links;
  private final Outbox outbox;
  private final Transactions transactions;
  private final AlertContext context;
  private final ActionMessages messages;
  private final Clock clock;

  public ActionDesk(
      ActionPolicies policies,
      ActionParties parties,
      ActionStore store,
      AlertStore alerts,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions,
      AlertContext context,
      ActionMessages messages,
      Clock clock) {
    this.policies = policies;
    this.parties = parties;
    this.store = store;
    this.alerts = alerts;
    this.links = links;
    this.outbox = outbox;
    this.transactions = transactions;
    this.context = context;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The actions alert {@code id} allows, with a button each.
   *
   * @throws IllegalArgumentException when there is no such alert or it allows none
   */
  public OutgoingMessage menu(AlertId id) {
    Alert alert = alert(id);
    List<ActionKind> kinds = allowed(alert);
    ActionPolicy policy = policies.forAlert(alert).orElseThrow();
    Map<ActionKind, String> approval = new LinkedHashMap<>();
    for (ActionKind k : kinds) {
      approval.put(k, parties.describe(policy.approversOf(k)));
    }
    return messages.menu(id.value(), where(alert), kinds, approval);
  }

  /** Queues the menu under {@code under}, for the "🛠 Actions" button; returns the toast. */
  public String showMenu(AlertId id, MessageRef under) {
    OutgoingMessage menu = menu(id);
    transactions.inTransaction(() -> outbox.enqueue(PendingMessage.answer(under, menu, id)));
    return "";
  }

  /**
   * Stores a request for the action named {@code action} on alert {@code id}; its preview follows
   * in the chat. Runs in the caller's transaction when there is one.
   *
   * @param chat the chat it is asked in: answers go under the alert's message there
   * @param asked the message it was asked with, where answers go when the alert is not posted in
   *     that chat
   * @return the note for the person, e.g. "Reading what clear would change…"
   * @throws IllegalArgumentException in one line, storing nothing, when the request cannot be
   *     served
   */
  public String request(AlertId id, String action, ChatRef chat, MessageRef asked, Member who) {
    return transactions.inTransaction(() -> ask(id, action, chat, asked, who));
  }

  private String ask(AlertId id, String action, ChatRef chat, MessageRef asked, Member who) {
    Alert alert = alert(id);
    List<ActionKind> kinds = allowed(alert);
    ActionKind kind =
        ActionKind.named(action)
            .filter(kinds::contains)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'"
                            + action
                            + "' is not an action alert #"
                            + id
                            + " allows; it allows "
                            + kinds.stream()
                                .map(ActionKind::command)
                                .collect(Collectors.joining(", "))
                            + "."));
    ActionPolicy policy = policies.forAlert(alert).orElseThrow();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!parties.includes(policy.requesters(), alert, now, who.id())) {
      throw new IllegalArgumentException(
          "Only "
              + parties.describe(policy.requesters())
              + " may ask for actions on alert #"
              + id
              + ".");
    }
    ActionTarget target = ActionTargets.of(alert, kind, policy.airflow());
    List<ActionParty> approvedBy = policy.approversOf(kind);
    List<MemberId> approvers =
        parties.members(approvedBy, alert, now).stream().filter(m -> !m.equals(who.id())).toList();
    if (!approvedBy.isEmpty() && approvers.isEmpty()) {
      throw new IllegalArgumentException(
          kind.command()
              + " on alert #"
              + id
              + " needs approval from "
              + parties.describe(approvedBy)
              + ", and there is nobody"
              + (parties.members(approvedBy, alert, now).isEmpty() ? "" : " but you")
              + " to give it"
              + (approvedBy.contains(ActionParty.Role.PIPELINE_OWNER)
                      && policies.pipelineOf(alert).isEmpty()
                  ? " (no pipeline under 'pipelines' runs this DAG)"
                  : "")
              + ".");
    }
    Optional<ActionRequest> open =
        store.forAlert(id).stream()
            .filter(r -> r.kind() == kind && !r.state().finished())
            .findFirst();
    if (open.isPresent()) {
      throw new IllegalArgumentException(
          kind.command()
              + " on alert #"
              + id
              + " is already under way (request #"
              + open.get().id()
              + ").");
    }
    // The alert's message in this chat, whatever thread or topic the request came from (a press
    // on the menu in the alert's Slack thread carries the thread).
    MessageRef under =
        links.messagesFor(id).stream()
            .filter(
                m ->
                    m.chat().platform() == chat.platform()
                        && m.chat().chatId().equals(chat.chatId()))
            .findFirst()
            .orElse(asked);
    ActionRequest r =
        store.add(
            ActionRequest.asked(
                id,
                kind,
                target,
                who.id(),
                under,
                now,
                now.plus(policy.expireAfter()),
                approvers,
                approvedBy.isEmpty() ? "" : parties.describe(approvedBy)));
    store.audit(AuditEntry.of(r, AuditEvent.REQUESTED, Optional.of(who.id()), now, ""));
    return "Reading what "
        + kind.command()
        + " would change on "
        + ActionTargets.describe(target)
        + " (request #"
        + r.id()
        + ")…";
  }

  /** The requester goes ahead after the preview; returns the toast. */
  public String confirm(long id, Member who) {
    return transactions.inTransaction(
        () -> {
          ActionRequest r = request(id);
          if (!r.requestedBy().equals(who.id())) {
            return "Only " + messages.name(r.requestedBy()) + " can confirm request #" + id + ".";
          }
          Optional<String> closed = closed(r, ActionState.PREVIEWED);
          if (closed.isPresent()) {
            return closed.get();
          }
          Instant now = clock.instant();
          if (r.needsApproval()) {
            ActionRequest asked = r.in(ActionState.APPROVAL_PENDING);
            if (!store.move(ActionState.PREVIEWED, asked)) {
              return moved(id);
            }
            store.audit(AuditEntry.of(r, AuditEvent.CONFIRMED, Optional.of(who.id()), now, ""));
            outbox.enqueue(
                PendingMessage.answer(
                    r.answerUnder(),
                    messages.approvalAsked(asked, context.zone(alert(r.alert()))),
                    r.alert()));
            return "Asked " + r.approval() + " to approve.";
          }
          if (!store.move(ActionState.PREVIEWED, r.approvedBy(Optional.empty(), now))) {
            return moved(id);
          }
          store.audit(AuditEntry.of(r, AuditEvent.CONFIRMED, Optional.of(who.id()), now, ""));
          return "Confirmed; running " + r.kind().command() + " now.";
        });
  }

  /** The requester drops the request before it runs; returns the toast. */
  public String cancel(long id, Member who) {
    return transactions.inTransaction(
        () -> {
          ActionRequest r = request(id);
          if (!r.requestedBy().equals(who.id())) {
            return "Only " + messages.name(r.requestedBy()) + " can cancel request #" + id + ".";
          }
          Optional<String> closed = closed(r, r.state().expires() ? r.state() : null);
          if (closed.isPresent()) {
            return closed.get();
          }
          if (!store.move(r.state(), r.in(ActionState.CANCELLED))) {
            return moved(id);
          }
          store.audit(
              AuditEntry.of(r, AuditEvent.CANCELLED, Optional.of(who.id()), clock.instant(), ""));
          outbox.enqueue(PendingMessage.answer(r.answerUnder(), messages.cancelled(r), r.alert()));
          return "Cancelled.";
        });
  }

  /** An approver approves; never the requester. Returns the toast. */
  public String approve(long id, Member who) {
    return decide(id, who, true);
  }

  /** An approver denies. Returns the toast. */
  public String deny(long id, Member who) {
    return decide(id, who, false);
  }

  private String decide(long id, Member who, boolean yes) {
    return transactions.inTransaction(
        () -> {
          ActionRequest r = request(id);
          if (r.requestedBy().equals(who.id())) {
            return yes
                ? "You asked for request #"
                    + id
                    + ": someone else must approve it ("
                    + r.approval()
                    + ")."
                : "You asked for request #" + id + ": cancel it instead.";
          }
          if (!r.approvers().contains(who.id())) {
            return "Only "
                + r.approval()
                + " ("
                + parties.names(r.approvers())
                + ") can "
                + (yes ? "approve" : "deny")
                + " request #"
                + id
                + ".";
          }
          Optional<String> closed = closed(r, ActionState.APPROVAL_PENDING);
          if (closed.isPresent()) {
            return closed.get();
          }
          Instant now = clock.instant();
          ActionRequest next =
              yes ? r.approvedBy(Optional.of(who.id()), now) : r.in(ActionState.DENIED);
          if (!store.move(ActionState.APPROVAL_PENDING, next)) {
            return moved(id);
          }
          store.audit(
              AuditEntry.of(
                  r,
                  yes ? AuditEvent.APPROVED : AuditEvent.DENIED,
                  Optional.of(who.id()),
                  now,
                  ""));
          outbox.enqueue(
              PendingMessage.answer(
                  r.answerUnder(),
                  yes ? messages.approved(r, who.id()) : messages.denied(r, who.id()),
                  r.alert()));
          return yes ? "Approved; running " + r.kind().command() + " now." : "Denied.";
        });
  }

  /**
   * Why {@code r} cannot take the step that needs it in {@code wanted}: past its time (then it is
   * expired here, in the caller's transaction, rather than by throwing, which would roll that
   * back), or in another state; empty when it can.
   */
  private Optional<String> closed(
      ActionRequest r, @org.jspecify.annotations.Nullable ActionState wanted) {
    if (r.state().expires() && !clock.instant().isBefore(r.expiresAt())) {
      ActionExpiry.expire(r, store, outbox, messages, clock.instant());
      return Optional.of("Request #" + r.id() + " has expired; ask again.");
    }
    if (r.state() == wanted) {
      return Optional.empty();
    }
    return Optional.of(
        switch (r.state()) {
          case REQUESTED -> "The preview of request #" + r.id() + " is not ready yet.";
          case PREVIEWED -> "Request #" + r.id() + " is not confirmed yet.";
          case APPROVAL_PENDING -> "Request #" + r.id() + " is waiting for approval.";
          case APPROVED, EXECUTING -> "Request #" + r.id() + " is already running.";
          case DONE -> "Request #" + r.id() + " is done.";
          case FAILED -> "Request #" + r.id() + " failed; ask again.";
          case CANCELLED -> "Request #" + r.id() + " was cancelled.";
          case DENIED -> "Request #" + r.id() + " was denied.";
          case EXPIRED -> "Request #" + r.id() + " has expired; ask again.";
        });
  }

  private static String moved(long id) {
    return "Request #" + id + " changed meanwhile; look at its latest message.";
  }

  private ActionRequest request(long id) {
    return store
        .find(id)
        .orElseThrow(() -> new IllegalArgumentException("There is no action request #" + id + "."));
  }

  private Alert alert(AlertId id) {
    return alerts
        .find(id)
        .orElseThrow(() -> new IllegalArgumentException("There is no alert #" + id + "."));
  }

  private List<ActionKind> allowed(Alert alert) {
    List<ActionKind> kinds = policies.allowedFor(alert);
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException(
          "Alert #"
              + alert.storedId()
              + " allows no runbook actions"
              + alert
                  .routeName()
                  .map(r -> " (route " + r + " names none under 'actions')")
                  .orElse("")
              + ".");
    }
    return kinds;
  }

  private static String where(Alert alert) {
    return alert
        .origin()
        .match(
            run -> run.repo() + run.runId().map(id -> " run " + id).orElse(""),
            task ->
                "DAG "
                    + task.dagId()
                    + task.dagRunId().map(id -> " run " + id).orElse("")
                    + task.taskId().map(t -> ", task " + t).orElse(""));
  }
}
