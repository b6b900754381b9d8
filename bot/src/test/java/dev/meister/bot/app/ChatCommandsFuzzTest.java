package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every chat command with hostile arguments, typed into the whole bot (a real SQLite file, the
 * composition root's handlers): {@code /override} ranges, {@code /resolve} reasons, mentions,
 * priorities, {@code /silence} criteria and durations, request numbers and the rest. Each ends in
 * an answer (a usage line included), never in the "that failed on my side" of an exception that
 * escaped a handler.
 *
 * <p>An input is one typed line, {@code /name args...} (a missing {@code /} is added). The bot
 * lives for the whole run, so state from earlier inputs (silences, requests) stays, as in a chat.
 * Seeds: {@code ChatCommandsFuzzTestInputs/}.
 */
class ChatCommandsFuzzTest {
  /**
   * A JDK class name such as {@code java.lang.NumberFormatException}: not just "java." (found by
   * -Pfuzz: "/hjava" followed by a control character is answered "Unknown command /hjava.").
   */
  private static boolean typedExceptionWords;

  private static final Pattern JAVA_NAME =
      Pattern.compile("\\bjava\\.(lang|util|time|io|nio|net|sql|text|math)\\.");

  /** Wednesday 10:00 in Berlin: Alice is on call, Carol is Level 2. */
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");

  private static final DutyBot BOT = bot();

  private static DutyBot bot() {
    try {
      Path dir = Files.createTempDirectory("meister-commands-fuzz");
      return new DutyBot(
          dir,
          HandoffScenarioTest.TEAM + SilenceScenarioTest.CONFIG.formatted("2026-11-02"),
          T0,
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void every_command_is_answered_without_an_internal_error(byte[] input) {
    String line = new String(input, StandardCharsets.UTF_8).strip();
    if (line.isEmpty() || line.split("\\s+")[0].length() < 2 && line.startsWith("/")) {
      return; // No command name: the adapters make no event of it.
    }
    String typed = line.startsWith("/") ? line : "/" + line;
    BOT.chat.clear();
    // The bot keeps what earlier inputs stored (a silence's label, a reason) and may quote it back
    // (found by -Pfuzz: "/unsilence 9" quoted a label typed as "EFor input stringance"); such
    // words are then the person's own, not an exception's.
    if (typed.contains("For input string") || JAVA_NAME.matcher(typed).find()) {
      typedExceptionWords = true;
    }

    BOT.say("bob", typed);

    assertThat(BOT.chat.texts())
        .as("answers to %s", typed)
        .noneMatch(t -> t.contains("failed on my side"))
        // An exception's own words are no answer for a person either.
        .noneMatch(
            t ->
                !typedExceptionWords
                    && (t.contains("For input string") || JAVA_NAME.matcher(t).find()));
  }
}
