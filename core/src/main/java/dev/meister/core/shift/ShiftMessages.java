package dev.meister.core.shift;

import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The texts of shift reminders and on-call announcements, times in the rotation's zone. */
final class ShiftMessages {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  /** What the reminder says of its file. */
  static final String INVITATION_ATTACHED = "Invitation attached (.ics).";

  private ShiftMessages() {}

  /** "⏰ @bob: your Hausmeister shift starts tomorrow 11:00 CET (Mon 30 Nov), ...; Level 2: ...". */
  static RichText.Builder reminder(
      Rotation rotation,
      MemberId incoming,
      MemberId outgoing,
      Instant boundary,
      Optional<MemberId> secondary,
      Instant now) {
    ZonedDateTime at = boundary.atZone(rotation.zone());
    RichText.Builder t =
        RichText.builder()
            .text("⏰ ")
            .mention(incoming)
            .text(
                ": your "
                    + rotation.displayName()
                    + " shift starts "
                    + day(at.toLocalDate(), now.atZone(rotation.zone()).toLocalDate())
                    + " "
                    + TIME.format(at)
                    + " ("
                    + DAY.format(at)
                    + "), taking over from ")
            .mention(outgoing);
    secondary.ifPresent(s -> t.text("; Level 2: ").mention(s));
    return t.text(".");
  }

  /**
   * Seed 004's "30 mins meeting for on-call transition", proposed; its invitation goes with the
   * message as a file (a calendar opens it in a tap, where pasted text had to be saved by hand).
   */
  static void meeting(
      RichText.Builder t,
      Rotation rotation,
      MemberId outgoing,
      MemberId incoming,
      Invitation invitation) {
    ZonedDateTime start = invitation.start().atZone(rotation.zone());
    ZonedDateTime end = invitation.end().atZone(rotation.zone());
    long minutes = java.time.Duration.between(invitation.start(), invitation.end()).toMinutes();
    t.newline()
        .text(
            "🤝 On-call transition meeting ("
                + minutes
                + " min) proposed "
                + DAY.format(start)
                + " "
                + CLOCK.format(start)
                + "–"
                + TIME.format(end)
                + ": ")
        .mention(outgoing)
        .text(" with ")
        .mention(incoming)
        .text(". " + INVITATION_ATTACHED);
  }

  /** "📢 @bob is on call now for Hausmeister (until Mon 7 Dec 11:00 CET); Level 2: @erin." */
  static OutgoingMessage onCallNow(
      Rotation rotation, MemberId member, Optional<Instant> until, Optional<MemberId> secondary) {
    RichText.Builder t =
        RichText.builder()
            .text("📢 ")
            .mention(member)
            .text(" is on call now for " + rotation.displayName());
    until.ifPresent(
        u -> {
          ZonedDateTime z = u.atZone(rotation.zone());
          t.text(" (until " + DAY.format(z) + " " + TIME.format(z) + ")");
        });
    secondary.ifPresent(s -> t.text("; Level 2: ").mention(s));
    return OutgoingMessage.of(t.text(".").build());
  }

  private static String day(LocalDate date, LocalDate today) {
    if (date.equals(today)) {
      return "today";
    }
    if (date.equals(today.plusDays(1))) {
      return "tomorrow";
    }
    return "on "
        + date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
  }
}
