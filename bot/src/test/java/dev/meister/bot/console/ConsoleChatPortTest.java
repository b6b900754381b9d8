package dev.meister.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.Team;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ConsoleChatPortTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.CONSOLE, "console");
  private static final Attachment ICS =
      Attachment.text(
          "hausmeister-handoff-2026-11-23.ics",
          "text/calendar; method=REQUEST; charset=utf-8",
          "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

  @TempDir Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private ConsoleChatPort port(Path folder) {
    return new ConsoleChatPort(
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        new Team(List.of()),
        new AtomicLong(),
        folder);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_file_is_saved_in_the_folder_and_its_line_says_where() throws Exception {
    Path folder = dir.resolve("files");
    ConsoleChatPort port = port(folder);

    MessageRef sent = port.post(CHAT, OutgoingMessage.plain("Meeting").withAttachment(ICS));

    Path file = folder.resolve("hausmeister-handoff-2026-11-23.ics");
    assertThat(Files.readAllBytes(file)).isEqualTo(ICS.content());
    assertThat(printed())
        .isEqualTo(
            "meister ▸ #1 Meeting\n".replace("\n", System.lineSeparator())
                + "          📎 hausmeister-handoff-2026-11-23.ics (32 bytes) saved to "
                + file.toAbsolutePath()
                + System.lineSeparator());
    assertThat(port.find(sent.messageId()).orElseThrow().files()).containsExactly(file);
  }

  @Test
  void an_edit_keeps_the_file_and_saves_nothing_again() throws Exception {
    Path folder = dir.resolve("files");
    ConsoleChatPort port = port(folder);
    MessageRef sent = port.post(CHAT, OutgoingMessage.plain("Meeting").withAttachment(ICS));
    Files.delete(folder.resolve(ICS.fileName()));

    port.edit(sent, OutgoingMessage.plain("Meeting (moved)").withAttachment(ICS));

    assertThat(Files.exists(folder.resolve(ICS.fileName()))).isFalse();
    assertThat(port.find(sent.messageId()).orElseThrow().files()).hasSize(1);
    assertThat(port.find(sent.messageId()).orElseThrow().text()).isEqualTo("Meeting (moved)");
  }

  @Test
  void a_folder_that_cannot_be_made_is_one_line_and_the_message_still_shows() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("taken"), "a file");
    ConsoleChatPort port = port(notAFolder.resolve("files"));

    port.post(CHAT, OutgoingMessage.plain("Meeting").withAttachment(ICS));

    assertThat(printed())
        .contains("meister ▸ #1 Meeting")
        .contains("📎 hausmeister-handoff-2026-11-23.ics (32 bytes) could not be saved: ");
  }
}
