package dev.meister.core.shift;

import dev.meister.core.chat.Attachment;
import dev.meister.core.team.Member;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * An iCalendar (RFC 5545) invitation to one meeting: a VEVENT with its times in UTC, a UID stable
 * for the meeting (a calendar updates rather than duplicates it when imported twice), the outgoing
 * member as organizer and both people as attendees (the organizer as chair who already accepted),
 * so each one's calendar lists both. It travels as an {@link Attachment} of {@link #MEDIA_TYPE}.
 *
 * <p>Members have no e-mail address in the configuration, so each is a {@code urn:meister:member:}
 * address with their name as {@code CN}: valid calendar addresses that calendars show by name.
 */
public record Invitation(
    String uid, Instant start, Instant end, String summary, Member organizer, Member attendee) {
  /** RFC 5545 3.2 and RFC 5546: an iTIP request, in UTF-8 as RFC 5545 3.1.4 requires. */
  public static final String MEDIA_TYPE = "text/calendar; method=REQUEST; charset=utf-8";

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** RFC 5545 3.1: lines longer than 75 octets are folded. */
  private static final int LINE_OCTETS = 75;

  public Invitation {
    Checks.notBlank(uid, "uid");
    Checks.notBlank(summary, "summary");
    Checks.check(start.isBefore(end), "the meeting must end after it starts");
  }

  /** The calendar object as a file named {@code fileName}, stamped {@code stamp}. */
  public Attachment attachment(String fileName, Instant stamp) {
    return Attachment.text(fileName, MEDIA_TYPE, ics(stamp));
  }

  /** The calendar object, lines ending in CRLF as RFC 5545 requires; stamped {@code at}. */
  public String ics(Instant stamp) {
    List<String> lines =
        List.of(
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Meister//Shift reminders//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "UID:" + uid,
            "DTSTAMP:" + UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS)),
            "DTSTART:" + UTC.format(start),
            "DTEND:" + UTC.format(end),
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "SUMMARY:" + text(summary),
            "ORGANIZER;CN=" + param(organizer.displayName()) + ":" + address(organizer),
            "ATTENDEE;CN="
                + param(organizer.displayName())
                + ";ROLE=CHAIR;PARTSTAT=ACCEPTED:"
                + address(organizer),
            "ATTENDEE;CN="
                + param(attendee.displayName())
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
                + address(attendee),
            "END:VEVENT",
            "END:VCALENDAR");
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(fold(line)).append("\r\n");
    }
    return out.toString();
  }

  private static String address(Member m) {
    return "urn:meister:member:" + m.id().value();
  }

  /** RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
  static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n");
  }

  /** RFC 5545 3.2: a parameter value with {@code :;,} is quoted; quotes cannot appear in it. */
  static String param(String value) {
    String clean = value.replace("\"", "'");
    return clean.matches(".*[:;,].*") ? "\"" + clean + "\"" : clean;
  }

  /** Folds at 75 octets, never inside a UTF-8 sequence; continuation lines start with a space. */
  static String fold(String line) {
    StringBuilder out = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size =
          new String(Character.toChars(cp))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)
              .length;
      if (octets + size > LINE_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
