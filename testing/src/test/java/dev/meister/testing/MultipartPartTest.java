package dev.meister.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class MultipartPartTest {
  // The example of RFC 7578 4.2 with a file part of bytes that are no UTF-8.
  private static final byte[] BODY =
      concat(
          ("--AaB03x\r\n"
                  + "Content-Disposition: form-data; name=\"chat_id\"\r\n"
                  + "Content-Length: 6\r\n\r\n"
                  + "-10042\r\n"
                  + "--AaB03x\r\n"
                  + "Content-Disposition: form-data; name=\"document\"; filename=\"a.ics\"\r\n"
                  + "Content-Type: text/calendar\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8),
          new byte[] {'B', (byte) 0xff, '\r', '\n', 'E'},
          "\r\n--AaB03x--\r\n".getBytes(StandardCharsets.UTF_8));

  @Test
  void text_fields_and_files_are_read_with_their_names_types_and_exact_bytes() {
    List<MultipartPart> parts = MultipartPart.parse("multipart/form-data; boundary=AaB03x", BODY);

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("chat_id");
    assertThat(parts.get(0).text()).isEqualTo("-10042");
    assertThat(parts.get(0).fileName()).isEmpty();
    MultipartPart file = MultipartPart.named(parts, "document").orElseThrow();
    assertThat(file.fileName()).contains("a.ics");
    assertThat(file.contentType()).contains("text/calendar");
    assertThat(file.content()).containsExactly('B', (byte) 0xff, '\r', '\n', 'E');
  }

  @Test
  void a_body_that_is_no_multipart_has_no_parts() {
    assertThat(MultipartPart.parse("application/json", "{}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  private static byte[] concat(byte[]... chunks) {
    int size = 0;
    for (byte[] c : chunks) {
      size += c.length;
    }
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    return all;
  }
}
