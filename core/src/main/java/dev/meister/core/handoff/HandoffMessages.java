package dev.meister.core.handoff;

import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.TimeFormat;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The chat messages of the hand-off handshake. */
public final class HandoffMessages {
  /** Button action of the outgoing member's confirmation. */
  public static final String OUT_ACTION = ButtonAction.HANDED_OVER;

  /** Button action of the incoming member's acceptance. */
  public static final String IN_ACTION = ButtonAction.ACCEPT_HANDOFF;

  private HandoffMessages() {}

  /** "Mon 7 Dec 11:00 Europe/Berlin". */
  public static String when(Instant at, ZoneId zone) {
    return TimeFormat.when(at, zone);
  }

  public static OutgoingMessage outgoingConfirmed(Rotation rotation, HandoffRecord r) {
    RichText.Builder t =
        RichText.builder()
            .mention(r.outgoing())
            .text(" handed " + rotation.displayName() + " over to ")
            .mention(r.incoming())
            .text(".");
    if (r.notes() != null) {
      t.text(" Notes: “" + r.notes() + "”.");
    }
    return OutgoingMessage.of(
        t.text(" Waiting for ").mention(r.incoming()).text(" to /handoff accept.").build());
  }

  public static OutgoingMessage incomingAccepted(Rotation rotation, HandoffRecord r) {
    return OutgoingMessage.of(
        RichText.builder()
            .mention(r.incoming())
            .text(" accepted " + rotation.displayName() + ". Waiting for ")
            .mention(r.outgoing())
            .text(" to confirm with /handoff.")
            .build());
  }

  public static OutgoingMessage complete(
      Rotation rotation, HandoffRecord r, @Nullable Instant until) {
    RichText.Builder t =
        RichText.builder()
            .emoji("white_check_mark")
            .bold(" Hand-off complete: ")
            .mention(r.incoming())
            .text(" has " + rotation.displayName());
    if (until != null) {
      t.text(" until " + when(until, rotation.zone()));
    }
    t.text(".");
    if (r.notes() != null) {
      t.text(" Notes from ").mention(r.outgoing()).text(": “" + r.notes() + "”.");
    }
    return OutgoingMessage.of(t.build());
  }

  public static OutgoingMessage reminder(Rotation rotation, HandoffRecord r) {
    RichText.Builder t =
        RichText.builder()
            .emoji("alarm_clock")
            .text(
                " The "
                    + rotation.displayName()
                    + " hand-off since "
                    + when(r.boundary(), rotation.zone())
                    + " is not confirmed yet.");
    waitingFor(t, r);
    return OutgoingMessage.of(t.build());
  }

  public static OutgoingMessage escalation(Rotation rotation, HandoffRecord r, List<Member> leads) {
    RichText.Builder t =
        RichText.builder()
            .emoji("rotating_light")
            .text(
                " The "
                    + rotation.displayName()
                    + " hand-off since "
                    + when(r.boundary(), rotation.zone())
                    + " is still not confirmed.");
    waitingFor(t, r);
    if (leads.isEmpty()) {
      t.text(" (No team lead is configured to tell.)");
    } else {
      t.text(" Team lead: ");
      for (int i = 0; i < leads.size(); i++) {
        t.text(i == 0 ? "" : ", ").mention(leads.get(i).id());
      }
      t.text(", please sort it out.");
    }
    return OutgoingMessage.of(t.build());
  }

  private static void waitingFor(RichText.Builder t, HandoffRecord r) {
    if (r.outgoingConfirmedAt() == null) {
      t.text(" ").mention(r.outgoing()).text(": /handoff.");
    }
    if (r.incomingConfirmedAt() == null) {
      t.text(" ").mention(r.incoming()).text(": /handoff accept.");
    }
  }

  public static OutgoingMessage epicRetrying(EpicRef epic, HandoffRecord r, String why) {
    return OutgoingMessage.of(
        RichText.builder()
            .emoji("warning")
            .text(" Could not move epic " + epic + " from ")
            .mention(r.outgoing())
            .text(" to ")
            .mention(r.incoming())
            .text(": " + why + ". I will try again.")
            .build());
  }

  public static OutgoingMessage epicFailed(EpicRef epic, HandoffRecord r, String why) {
    return OutgoingMessage.of(
        RichText.builder()
            .emoji("warning")
            .text(" Gave up moving epic " + epic + " from ")
            .mention(r.outgoing())
            .text(" to ")
            .mention(r.incoming())
            .text(": " + why + ". Please reassign it by hand.")
            .build());
  }

  public static OutgoingMessage epicMoved(EpicRef epic, MemberId to) {
    return OutgoingMessage.of(
        RichText.builder()
            .text("Epic " + epic + " is now assigned to ")
            .mention(to)
            .text(".")
            .build());
  }

  /** One line of {@code /handoff status} and {@code meister handoffs}. */
  public static String statusLine(Rotation rotation, HandoffRecord r) {
    ZoneId zone = rotation.zone();
    StringBuilder s = new StringBuilder();
    s.append(rotation.displayName())
        .append(": ")
        .append(r.outgoing())
        .append(" → ")
        .append(r.incoming())
        .append(" at ")
        .append(when(r.boundary(), zone))
        .append(" — ");
    s.append(
        switch (r.state()) {
          case COMPLETE -> "complete";
          case OUTGOING_CONFIRMED -> "waiting for " + r.incoming() + " to accept";
          case INCOMING_CONFIRMED -> "waiting for " + r.outgoing() + " to confirm";
          case PENDING -> "waiting for both";
        });
    if (r.outgoingConfirmedAt() != null) {
      s.append("; handed over ").append(when(r.outgoingConfirmedAt(), zone));
    }
    if (r.incomingConfirmedAt() != null) {
      s.append("; accepted ").append(when(r.incomingConfirmedAt(), zone));
    }
    if (r.remindedAt() != null) {
      s.append("; reminded ").append(when(r.remindedAt(), zone));
    }
    if (r.escalatedAt() != null) {
      s.append("; team lead tagged ").append(when(r.escalatedAt(), zone));
    }
    EpicMove epic = r.epic();
    if (epic.state() != EpicMove.State.NONE) {
      s.append("; epic ").append(epic.state().name().toLowerCase(Locale.ROOT));
      if (epic.error() != null && epic.state() != EpicMove.State.DONE) {
        s.append(" (").append(epic.error()).append(")");
      }
    }
    if (r.notes() != null) {
      s.append("; notes: ").append(r.notes());
    }
    return s.toString();
  }
}
