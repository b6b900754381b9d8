package dev.meister.core.handoff;

import dev.meister.core.alert.Alert;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.Rotation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The message at a shift boundary: who hands over to whom, the open issues passed on (with their
 * priority, title and assignee as GitHub shows them), the unacknowledged alerts, and both buttons.
 */
public final class HandoffAnnouncement {
  private HandoffAnnouncement() {}

  /**
   * The announcement of hand-off {@code r}.
   *
   * @param until when the incoming member's shift ends; empty if never
   */
  public static OutgoingMessage of(
      Rotation rotation,
      HandoffRecord r,
      Optional<Instant> until,
      HandoffKind kind,
      HandedIssues issues,
      List<Alert> unacked) {
    return of(rotation, r, until, kind, issues, unacked, List.of());
  }

  /**
   * The announcement of hand-off {@code r}, with the alerts escalated by hand that are still open.
   *
   * @param escalated one line per escalated alert, e.g. "1 (…) to Carol (Level 2) by Alice: NOTE"
   */
  public static OutgoingMessage of(
      Rotation rotation,
      HandoffRecord r,
      Optional<Instant> until,
      HandoffKind kind,
      HandedIssues issues,
      List<Alert> unacked,
      List<String> escalated) {
    RichText.Builder t =
        RichText.builder()
            .emoji("repeat")
            .bold(
                " "
                    + (kind == HandoffKind.TO_WEEKEND ? "Weekend hand-off " : "Hand-off ")
                    + rotation.displayName()
                    + ": ")
            .mention(r.outgoing())
            .text(" → ")
            .mention(r.incoming());
    until.ifPresent(u -> t.text(" (until " + HandoffMessages.when(u, rotation.zone()) + ")"));
    t.text(". Open: ");
    List<OpenIssue> handed = issues.handed();
    if (handed.isEmpty() && unacked.isEmpty() && escalated.isEmpty()) {
      t.text("nothing");
    }
    for (int i = 0; i < handed.size(); i++) {
      issue(t.text(i == 0 ? "" : ", "), handed.get(i));
    }
    if (!unacked.isEmpty()) {
      t.text((handed.isEmpty() ? "" : "; ") + "unacknowledged alerts: ");
      for (int i = 0; i < unacked.size(); i++) {
        Alert a = unacked.get(i);
        t.text((i == 0 ? "" : ", ") + a.storedId().value() + " (" + a.title() + ")");
      }
    }
    if (!escalated.isEmpty()) {
      // Seed 001: pending issues are handed off; one escalated is pending with its helper named.
      t.text((handed.isEmpty() && unacked.isEmpty() ? "" : "; ") + "escalated: ");
      t.text(String.join(", ", escalated));
    }
    t.text(".");
    if (issues.backlog() > 0) {
      t.text(
          " "
              + issues.backlog()
              + (issues.backlog() == 1 ? " backlog issue" : " backlog issues")
              + " not handed back.");
    }
    if (issues.freshness() == Freshness.LAST_SEEN) {
      t.text(" (GitHub unreachable: issue states as last seen)");
    }
    t.newline()
        .mention(r.outgoing())
        .text(": /handoff when you have handed over (notes welcome). ")
        .mention(r.incoming())
        .text(": /handoff accept to take it.");
    String id = r.rotation().value();
    return new OutgoingMessage(
        t.build(),
        List.of(
            new Button("✅ Handed over", new ButtonAction.HandedOver(id, r.boundary())),
            new Button("🤝 Accept", new ButtonAction.AcceptHandoff(id, r.boundary()))));
  }

  /**
   * {@code #9111 P4 “DAG fail - finance” (octocat)}: what the incoming member needs at a glance.
   */
  private static void issue(RichText.Builder t, OpenIssue issue) {
    t.link("#" + issue.ref().number(), issue.ref().url());
    issue.priority().ifPresent(p -> t.text(" " + p));
    issue.title().ifPresent(title -> t.text(" “" + title + "”"));
    issue.assignee().ifPresent(login -> t.text(" (" + login + ")"));
  }
}
