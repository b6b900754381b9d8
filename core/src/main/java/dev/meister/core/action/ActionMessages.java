package dev.meister.core.action;

import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The chat messages of runbook actions: the menu, preview, approval request and outcomes. */
public final class ActionMessages {
  /** Preview and result lines shown before "… and N more". */
  static final int MAX_ITEMS = 15;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z");

  private final Team team;

  public ActionMessages(Team team) {
    this.team = team;
  }

  /** What each action does, in a few words, for the menu. */
  static String does(ActionKind kind) {
    return switch (kind) {
      case CLEAR -> "clear the failed task so it runs again";
      case CLEAR_DOWNSTREAM -> "clear the failed task and everything downstream of it";
      case MARK_SUCCESS -> "mark the failed task successful and clear its failed downstream tasks";
      case RETRY_RUN -> "clear every failed task of the run";
      case PAUSE -> "pause the DAG (a last resort)";
      case UNPAUSE -> "unpause the DAG";
      case RERUN_FAILED -> "re-run the failed jobs";
      case RERUN -> "re-run every job";
      case CANCEL -> "cancel the workflow run";
    };
  }

  /**
   * The actions an alert allows, each with its button.
   *
   * @param approval per action, who approves it ("the team lead"), empty when nobody needs to
   */
  OutgoingMessage menu(
      long alert,
      String target,
      List<ActionKind> kinds,
      java.util.Map<ActionKind, String> approval) {
    RichText.Builder text =
        RichText.builder()
            .text(EmojiNames.unicode("hammer_and_wrench") + " Actions for alert #" + alert + " (")
            .text(target)
            .text("): a preview comes first, nothing changes until you confirm.");
    for (ActionKind k : kinds) {
      text.newline().text("• ").bold(k.command()).text(": " + does(k));
      String who = approval.getOrDefault(k, "");
      if (!who.isEmpty()) {
        text.text(" (needs approval from " + who + ")");
      }
    }
    List<Button> buttons =
        kinds.stream()
            .map(k -> new Button(k.command(), new ButtonAction.RunAction(alert, k.command())))
            .toList();
    return new OutgoingMessage(text.build(), buttons);
  }

  /** The preview, with Confirm and Cancel for the requester. */
  OutgoingMessage preview(ActionRequest r, ActionPreview preview, String approvers, ZoneId zone) {
    RichText.Builder text = head(r).text(":").newline().text(preview.summary());
    items(text, preview.items());
    if (r.needsApproval()) {
      text.newline()
          .text(
              EmojiNames.unicode("lock")
                  + " Once confirmed it needs approval from "
                  + r.approval()
                  + " ("
                  + approvers
                  + ").");
    }
    text.newline()
        .mention(r.requestedBy())
        .text(": confirm or cancel before " + time(r.expiresAt(), zone) + ".");
    return new OutgoingMessage(
        text.build(),
        List.of(
            new Button(
                EmojiNames.unicode("white_check_mark") + " Confirm",
                new ButtonAction.ConfirmAction(r.id())),
            new Button(
                EmojiNames.unicode("heavy_multiplication_x") + " Cancel",
                new ButtonAction.CancelAction(r.id()))));
  }

  /** The approval request, tagging who may approve, with Approve and Deny. */
  OutgoingMessage approvalAsked(ActionRequest r, ZoneId zone) {
    RichText.Builder text = RichText.builder().text(EmojiNames.unicode("lock") + " ");
    for (MemberId approver : r.approvers()) {
      text.mention(approver).text(" ");
    }
    text.text("(" + r.approval() + "): ")
        .mention(r.requestedBy())
        .text(" asks to " + r.kind().command() + " " + ActionTargets.describe(r.target()))
        .text(" (request #" + r.id() + ")");
    r.preview().ifPresent(p -> text.text(": " + p.summary()));
    text.text(". Approve or deny before " + time(r.expiresAt(), zone) + ".");
    return new OutgoingMessage(
        text.build(),
        List.of(
            new Button(
                EmojiNames.unicode("white_check_mark") + " Approve",
                new ButtonAction.ApproveAction(r.id())),
            new Button(
                EmojiNames.unicode("heavy_multiplication_x") + " Deny",
                new ButtonAction.DenyAction(r.id()))));
  }

  OutgoingMessage approved(ActionRequest r, MemberId by) {
    return OutgoingMessage.of(
        RichText.builder()
            .text(EmojiNames.unicode("lock") + " " + name(by) + " approved ")
            .text(r.kind().command() + " on " + ActionTargets.describe(r.target()))
            .text(" (request #" + r.id() + "); running it now.")
            .build());
  }

  /**
   * The outcome in the alert's thread: "✅ Cleared 4 task instances of run … (requested by @bob,
   * approved by @alice)".
   */
  OutgoingMessage done(ActionRequest r, ActionResult result) {
    RichText.Builder text =
        RichText.builder()
            .text(
                EmojiNames.unicode("white_check_mark") + " " + result.summary() + " (requested by ")
            .mention(r.requestedBy());
    r.approvedBy().ifPresent(a -> text.text(", approved by ").mention(a));
    text.text(")");
    items(text, result.items());
    return OutgoingMessage.of(text.build());
  }

  /** The preview could not be read: the API refused, or its answer was unusable. */
  OutgoingMessage previewFailed(ActionRequest r, String why) {
    return OutgoingMessage.of(
        RichText.builder()
            .text(EmojiNames.unicode("warning") + " ")
            .mention(r.requestedBy())
            .text(
                ": could not preview "
                    + r.kind().command()
                    + " on "
                    + ActionTargets.describe(r.target())
                    + ": "
                    + why
                    + ". Nothing was changed.")
            .build());
  }

  /** The execution ended without the action done: a refusal, or an outage through every try. */
  OutgoingMessage failed(ActionRequest r, String why) {
    RichText.Builder text =
        RichText.builder()
            .text(
                EmojiNames.unicode("warning")
                    + " "
                    + r.kind().command()
                    + " on "
                    + ActionTargets.describe(r.target())
                    + " failed: "
                    + why
                    + " (requested by ")
            .mention(r.requestedBy());
    r.approvedBy().ifPresent(a -> text.text(", approved by ").mention(a));
    return OutgoingMessage.of(text.text(").").build());
  }

  OutgoingMessage cancelled(ActionRequest r) {
    return OutgoingMessage.of(
        RichText.builder()
            .text(
                EmojiNames.unicode("heavy_multiplication_x")
                    + " "
                    + name(r.requestedBy())
                    + " cancelled "
                    + r.kind().command()
                    + " on "
                    + ActionTargets.describe(r.target())
                    + " (request #"
                    + r.id()
                    + "). Nothing was changed.")
            .build());
  }

  OutgoingMessage denied(ActionRequest r, MemberId by) {
    return OutgoingMessage.of(
        RichText.builder()
            .text(EmojiNames.unicode("heavy_multiplication_x") + " " + name(by) + " denied ")
            .text(r.kind().command() + " on " + ActionTargets.describe(r.target()))
            .text(" (request #" + r.id() + ", asked by ")
            .mention(r.requestedBy())
            .text("). Nothing was changed.")
            .build());
  }

  OutgoingMessage expired(ActionRequest r) {
    String before =
        switch (r.state()) {
          case APPROVAL_PENDING -> "without approval";
          case PREVIEWED -> "unconfirmed";
          default -> "before its preview could be read";
        };
    return OutgoingMessage.of(
        RichText.builder()
            .text(EmojiNames.unicode("hourglass") + " ")
            .mention(r.requestedBy())
            .text(
                ": request #"
                    + r.id()
                    + " ("
                    + r.kind().command()
                    + " on "
                    + ActionTargets.describe(r.target())
                    + ") expired "
                    + before
                    + "; nothing was changed. Ask again with /action "
                    + r.kind().command()
                    + ".")
            .build());
  }

  /** The line on the alert's message once an action is done; names, no mentions. */
  void line(RichText.Builder text, ActionRequest r) {
    text.newline().text(EmojiNames.unicode("hammer_and_wrench") + " " + summary(r));
  }

  /** "Cleared 4 task instances of run … (Bob Stone, approved by Alice Doe)". */
  String summary(ActionRequest r) {
    return r.result().map(ActionResult::summary).orElse(r.kind().command())
        + " ("
        + name(r.requestedBy())
        + r.approvedBy().map(a -> ", approved by " + name(a)).orElse("")
        + ")";
  }

  private RichText.Builder head(ActionRequest r) {
    return RichText.builder()
        .text(
            EmojiNames.unicode("hammer_and_wrench")
                + " "
                + r.kind().command()
                + " on "
                + ActionTargets.describe(r.target())
                + ", asked by ")
        .mention(r.requestedBy())
        .text(" (request #" + r.id() + ")");
  }

  private static void items(RichText.Builder text, List<String> items) {
    for (String item : items.subList(0, Math.min(MAX_ITEMS, items.size()))) {
      text.newline().text("  • " + item);
    }
    if (items.size() > MAX_ITEMS) {
      text.newline().text("  … and " + (items.size() - MAX_ITEMS) + " more");
    }
  }

  /** Display names, e.g. "Dave Kim, Carol Lee". */
  String names(List<MemberId> members) {
    return String.join(", ", members.stream().map(this::name).toList());
  }

  String name(MemberId id) {
    return team.find(id).map(Member::displayName).orElse(id.value());
  }

  /** "09:30 CET"; an alert without a rotation is in UTC, which reads "UTC", not "Z". */
  static String time(Instant at, ZoneId zone) {
    ZoneId z = zone.equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    return at.atZone(z).format(TIME);
  }
}
