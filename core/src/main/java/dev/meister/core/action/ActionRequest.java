package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person's request for a runbook action on an alert's run, kept durably from the moment it is
 * asked until it is done, refused, cancelled, denied or expired.
 *
 * @param id storage identity; 0 until stored
 * @param answerUnder where its preview, approval request and result are posted: the alert's message
 *     in the chat it was asked in
 * @param expiresAt when it expires unless confirmed and approved by then
 * @param approvers who may approve it (decided when it was asked); empty when it needs no approval
 * @param approval who approves, as the policy says it, e.g. "the team lead"; empty when none
 * @param approvedBy the approver, once approved
 * @param error the API's refusal or the last outage, for a request that failed or is retrying
 * @param attempts how many preview or execution calls failed for an outage
 * @param notBefore when the worker may try it next
 */
public record ActionRequest(
    long id,
    AlertId alert,
    ActionKind kind,
    ActionTarget target,
    MemberId requestedBy,
    MessageRef answerUnder,
    ActionState state,
    Instant createdAt,
    Instant expiresAt,
    List<MemberId> approvers,
    String approval,
    Optional<ActionPreview> preview,
    Optional<MemberId> approvedBy,
    Optional<ActionResult> result,
    Optional<String> error,
    int attempts,
    Instant notBefore) {

  public ActionRequest {
    approvers = List.copyOf(approvers);
  }

  /** A new request, as asked; the store gives it its id. */
  public static ActionRequest asked(
      AlertId alert,
      ActionKind kind,
      ActionTarget target,
      MemberId by,
      MessageRef answerUnder,
      Instant at,
      Instant expiresAt,
      List<MemberId> approvers,
      String approval) {
    return new ActionRequest(
        0,
        alert,
        kind,
        target,
        by,
        answerUnder,
        ActionState.REQUESTED,
        at,
        expiresAt,
        approvers,
        approval,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        at);
  }

  public boolean needsApproval() {
    return !approvers.isEmpty();
  }

  public ActionRequest withId(long newId) {
    return new ActionRequest(
        newId,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        state,
        createdAt,
        expiresAt,
        approvers,
        approval,
        preview,
        approvedBy,
        result,
        error,
        attempts,
        notBefore);
  }

  /** In {@code next}, everything else as it is. */
  public ActionRequest in(ActionState next) {
    return new ActionRequest(
        id,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        next,
        createdAt,
        expiresAt,
        approvers,
        approval,
        preview,
        approvedBy,
        result,
        error,
        attempts,
        notBefore);
  }

  public ActionRequest previewed(ActionPreview p) {
    return new ActionRequest(
        id,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        ActionState.PREVIEWED,
        createdAt,
        expiresAt,
        approvers,
        approval,
        Optional.of(p),
        approvedBy,
        result,
        Optional.empty(),
        attempts,
        notBefore);
  }

  public ActionRequest approvedBy(Optional<MemberId> approver, Instant at) {
    return new ActionRequest(
        id,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        ActionState.APPROVED,
        createdAt,
        expiresAt,
        approvers,
        approval,
        preview,
        approver,
        result,
        error,
        attempts,
        at);
  }

  public ActionRequest done(ActionResult r) {
    return new ActionRequest(
        id,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        ActionState.DONE,
        createdAt,
        expiresAt,
        approvers,
        approval,
        preview,
        approvedBy,
        Optional.of(r),
        Optional.empty(),
        attempts,
        notBefore);
  }

  public ActionRequest failed(String why) {
    return new ActionRequest(
        id,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        ActionState.FAILED,
        createdAt,
        expiresAt,
        approvers,
        approval,
        preview,
        approvedBy,
        result,
        Optional.of(why),
        attempts,
        notBefore);
  }

  /** Back in {@code waiting} (REQUESTED or APPROVED) until {@code at}, after an outage. */
  public ActionRequest retryAt(ActionState waiting, Instant at, String why) {
    return new ActionRequest(
        id,
        alert,
        kind,
        target,
        requestedBy,
        answerUnder,
        waiting,
        createdAt,
        expiresAt,
        approvers,
        approval,
        preview,
        approvedBy,
        result,
        Optional.of(why),
        attempts + 1,
        at);
  }
}
