package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AttachmentTest {
  private static final String ICS = "text/calendar; method=REQUEST; charset=utf-8";

  @Test
  void the_bytes_are_copied_in_and_out() {
    byte[] bytes = "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8);
    Attachment file = new Attachment("a.ics", ICS, bytes);

    bytes[0] = 'X';
    file.content()[1] = 'X';

    assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("BEGIN:VCALENDAR");
    assertThat(file.size()).isEqualTo(15);
  }

  @Test
  void two_attachments_with_the_same_bytes_are_equal() {
    Attachment one = Attachment.text("a.ics", ICS, "BEGIN:VCALENDAR");
    Attachment same =
        new Attachment("a.ics", ICS, "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8));
    Attachment other = Attachment.text("a.ics", ICS, "BEGIN:VCALENDAR ");

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
  }

  @Test
  void its_text_names_the_file_and_size_but_never_the_bytes() {
    Attachment file = Attachment.text("a.ics", ICS, "SECRET");

    assertThat(file.toString())
        .isEqualTo("Attachment[a.ics, text/calendar; method=REQUEST; charset=utf-8, 6 bytes]");
    assertThat(file.baseType()).isEqualTo("text/calendar");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "a/b.ics", "a\\b.ics", ".hidden", "a\nb.ics", "a:b"})
  void a_file_name_with_a_path_or_control_characters_is_refused(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Attachment.text(name, ICS, "x"))
        .withMessageContaining("may not contain a path, control characters");
  }

  @Test
  void a_blank_or_overlong_name_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Attachment.text(" ", ICS, "x"))
        .withMessage("file name may not be blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Attachment.text("a".repeat(97) + ".ics", ICS, "x"))
        .withMessageEndingWith("is longer than 100 characters");
  }

  @Test
  void a_media_type_must_be_type_and_subtype() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Attachment.text("a.ics", "calendar", "x"))
        .withMessage("media type 'calendar' is not type/subtype");
  }

  @Test
  void an_empty_or_too_large_file_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Attachment("a.ics", ICS, new byte[0]))
        .withMessage("attachment 'a.ics' is empty");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Attachment("a.ics", ICS, new byte[Attachment.MAX_BYTES + 1]))
        .withMessage(
            "attachment 'a.ics' has 262145 bytes, more than the 262144 a message may carry");
    assertThat(new Attachment("a.ics", ICS, new byte[Attachment.MAX_BYTES]).size())
        .isEqualTo(Attachment.MAX_BYTES);
  }

  @Test
  void a_message_keeps_its_buttons_and_gains_the_file() {
    Attachment file = Attachment.text("a.ics", ICS, "x");
    OutgoingMessage plain = OutgoingMessage.plain("hi");

    OutgoingMessage with = plain.withAttachment(file);

    assertThat(plain.attachments()).isEmpty();
    assertThat(with.attachments()).containsExactly(file);
    assertThat(with.text()).isEqualTo(plain.text());
    assertThat(new OutgoingMessage(plain.text(), List.of()).attachments()).isEmpty();
  }
}
