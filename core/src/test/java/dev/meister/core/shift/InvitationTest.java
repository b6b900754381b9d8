package dev.meister.core.shift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
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
            "ATTENDEE;CN=\"Doe, Alice\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
            "urn:meister:member:alice");
  }

  @Test
  void lines_longer_than_75_octets_are_folded_without_splitting_a_character() {
    String folded = Invitation.fold("SUMMARY:" + "ü".repeat(60));

    for (String line : folded.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "ü".repeat(60));
  }
}
