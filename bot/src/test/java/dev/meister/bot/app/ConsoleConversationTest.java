package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.ConsoleSession;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees in the console demo, driven line by line on the example configuration. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleConversationTest {
  @TempDir Path dir;

  private String converse(String input) throws Exception {
    MeisterConfig cfg = new ConfigLoader(Map.of()).load(CliTest.EXAMPLE, SecretPolicy.OPTIONAL);
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Meister meister = Meister.open(cfg, dir.resolve("meister.db"), clock)) {
      AtomicLong ids = new AtomicLong();
      ConsoleChatPort port = new ConsoleChatPort(out, cfg.team(), ids);
      try (BotRuntime runtime = new BotRuntime(meister, List.of(port), clock)) {
        // As in the demo: what a line queued is delivered before the next line is read.
        new ConsoleSession(
                event -> {
                  runtime.dispatcher().handle(event);
                  runtime.worker().deliverDue();
                },
                cfg.team().teamLeads().get(0),
                ids,
                out)
            .run(new BufferedReader(new StringReader(input)));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void whoisoncall_for_one_rotation_is_answered_under_the_question() throws Exception {
    String screen = converse("/whoisoncall hausmeister\n");

    assertThat(screen)
        .isEqualToNormalizingNewlines(
            """
        meister ▸ #2 ↳ #1 📅 Hausmeister
                  Primary: Dave Kim until Fri 27 Nov 17:00 CET
                  Level 2: Grace Hopper until Mon 30 Nov 11:00 CET
                  Next: Bob Stone (weekend) from Fri 27 Nov 17:00 CET
        """);
  }

  @Test
  void schedule_help_and_unknown_commands_each_get_their_answer() throws Exception {
    String screen = converse("/schedule dagmeister 2\n/help\n/frobnicate\n/schedule\n");

    assertThat(screen)
        .contains("meister ▸ #2 ↳ #1 DagMeister schedule (Europe/Berlin)")
        .contains("Mon 16 Nov 11:00 CET → Mon 30 Nov 11:00 CET  Bob Stone")
        .contains("Mon 30 Nov 11:00 CET → Mon 14 Dec 11:00 CET  Carol Lee")
        .contains("meister ▸ #4 ↳ #3 Meister commands")
        .contains("/whoisoncall [ROTATION] — who is on call now, until when, and who is next")
        .contains("meister ▸ #6 ↳ #5 Unknown command /frobnicate. Try /help.")
        .contains("meister ▸ #8 ↳ #7 Usage: /schedule ROTATION [N]");
  }

  @Test
  void a_misspelt_rotation_is_answered_with_the_known_ones() throws Exception {
    String screen = converse("/whoisoncall hausmeistr\n");

    assertThat(screen)
        .contains(
            "No rotation 'hausmeistr'. Rotations: dagmeister, buildmeister, hausmeister, de-standby.");
  }
}
