package dev.meister.core.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.property.Attendee;
import dev.meister.core.chat.Attachment;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class InvitationTest {
  private static final Member BOB = member("bob", "Bob Stone");
  private static final Member ALICE = member("alice", "Doe, Alice");

  private static Member member(String id, String name) {
    return new Member(MemberId.of(id), name, ChatIdentities.none(), null, Set.of());
  }

  private static final Invitation MEETING =
      new Invitation(
          "de-standby-1796029200@meister",
          Instant.parse("2026-11-30T08:30:00Z"),
          Instant.parse("2026-11-30T09:00:00Z"),
          "DE standby on-call transition: Bob Stone to Alice; notes, please",
          BOB,
          ALICE);

  /** The properties of the one VEVENT, unfolded (RFC 5545 3.1), by name with parameters. */
  static Map<String, String> event(String ics) {
    String unfolded = ics.replace("\r\n ", "").replace("\n ", "");
    Map<String, String> props = new LinkedHashMap<>();
    boolean inEvent = false;
    for (String line : unfolded.split("\r?\n")) {
      if (line.equals("BEGIN:VEVENT")) {
        inEvent = true;
      } else if (line.equals("END:VEVENT")) {
        inEvent = false;
      } else if (inEvent) {
        int colon = nameEnd(line);
        props.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return props;
  }

  /** The colon ending a property's name and parameters: the first one outside quotes. */
  private static int nameEnd(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        return i;
      }
    }
    throw new AssertionError("no value in " + line);
  }

  // Seed 004: "Need to have 30 mins meeting for on-call transition."
  @Test
  void the_invitation_is_one_vevent_in_utc_with_both_people() {
    String ics = MEETING.ics(Instant.parse("2026-11-29T09:00:00.123Z"));

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(event(ics))
        .containsEntry("UID", "de-standby-1796029200@meister")
        .containsEntry("DTSTAMP", "20261129T090000Z")
        .containsEntry("DTSTART", "20261130T083000Z")
        .containsEntry("DTEND", "20261130T090000Z")
        .containsEntry(
            "SUMMARY", "DE standby on-call transition: Bob Stone to Alice\\; notes\\, please")
        .containsEntry("ORGANIZER;CN=Bob Stone", "urn:meister:member:bob")
        .containsEntry(
            "ATTENDEE;CN=Bob Stone;ROLE=CHAIR;PARTSTAT=ACCEPTED", "urn:meister:member:bob")
        .containsEntry(
            "ATTENDEE;CN=\"Doe, Alice\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
            "urn:meister:member:alice");
  }

  // RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break",
  // and every content line ends in CRLF.
  @Test
  void every_line_ends_in_crlf_and_is_at_most_75_octets() {
    Invitation longNames =
        new Invitation(
            "x@meister",
            MEETING.start(),
            MEETING.end(),
            "Hausmeister on-call transition: " + "Bartholomäus ".repeat(8),
            member("bob", "Bartholomäus Ñandú-Øverli von Hohenzollern-Sigmaringen, Jr."),
            ALICE);

    String ics = longNames.ics(Instant.parse("2026-11-29T09:00:00Z"));

    assertThat(ics).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
    for (String line : ics.split("\r\n", -1)) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(event(ics).keySet()).anyMatch(k -> k.startsWith("ORGANIZER;CN=\"Bartholomäus"));
  }

  // RFC 5545 3.6.1: a VEVENT in a METHOD calendar has UID, DTSTAMP, DTSTART; RFC 5546 3.2.2: a
  // REQUEST has an ORGANIZER and attendees.
  @Test
  void the_calendar_has_what_a_request_needs_and_nothing_twice() {
    String ics = MEETING.ics(Instant.parse("2026-11-29T09:00:00Z"));

    List<String> lines = List.of(ics.split("\r\n", -1));
    assertThat(lines)
        .containsSubsequence(
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "END:VEVENT",
            "END:VCALENDAR")
        .anyMatch(l -> l.startsWith("PRODID:"));
    assertThat(lines.stream().filter(l -> l.equals("BEGIN:VEVENT"))).hasSize(1);
    assertThat(event(ics).keySet())
        .contains("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY")
        .anyMatch(k -> k.startsWith("ORGANIZER"));
  }

  // Read by a calendar library that knows nothing of this code: what a calendar app does on a tap.
  @Test
  void an_independent_icalendar_parser_reads_it_without_a_warning_and_finds_the_meeting() {
    String ics = MEETING.ics(Instant.parse("2026-11-29T09:00:00Z"));
    List<List<ParseWarning>> warnings = new ArrayList<>();

    ICalendar calendar = Biweekly.parse(ics).warnings(warnings).first();

    assertThat(warnings).allSatisfy(w -> assertThat(w).isEmpty());
    assertThat(calendar.validate(ICalVersion.V2_0).isEmpty())
        .as(calendar.validate(ICalVersion.V2_0).toString())
        .isTrue();
    assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
    VEvent event = calendar.getEvents().get(0);
    assertThat(event.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    assertThat(event.getDateEnd().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    assertThat(event.getSummary().getValue())
        .isEqualTo("DE standby on-call transition: Bob Stone to Alice; notes, please");
    assertThat(event.getOrganizer().getCommonName()).isEqualTo("Bob Stone");
    assertThat(event.getAttendees())
        .extracting(Attendee::getCommonName)
        .containsExactly("Bob Stone", "Doe, Alice");
  }

  @Test
  void the_attachment_is_the_calendar_in_utf_8_as_an_itip_request() {
    Instant stamp = Instant.parse("2026-11-29T09:00:00Z");

    Attachment file = MEETING.attachment("de-standby-handoff-2026-11-30.ics", stamp);

    assertThat(file.fileName()).isEqualTo("de-standby-handoff-2026-11-30.ics");
    assertThat(file.mediaType()).isEqualTo("text/calendar; method=REQUEST; charset=utf-8");
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo(MEETING.ics(stamp));
  }

  @Test
  void a_meeting_that_ends_before_it_starts_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Invitation(
                    "u", /* start= */ MEETING.end(), /* end= */ MEETING.start(), "s", BOB, ALICE))
        .withMessage("the meeting must end after it starts");
  }

  @Test
  void lines_longer_than_75_octets_are_folded_without_splitting_a_character() {
    String folded = Invitation.fold("SUMMARY:" + "ü".repeat(60));

    for (String line : folded.split("\r\n", -1)) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "ü".repeat(60));
  }
}
