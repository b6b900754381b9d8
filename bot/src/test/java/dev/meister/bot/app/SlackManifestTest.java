package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.chat.CommandHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack app manifest in examples/slack is what a team pastes into Slack: it must be one Slack
 * takes (a built-in command such as {@code /status} makes Slack refuse the whole manifest), and it
 * must offer every command the bot answers, each as its own slash command or, where Slack keeps the
 * name for itself, as {@code /meister NAME}.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class SlackManifestTest {
  static final Path MANIFEST = Path.of("..", "examples", "slack", "manifest.yml");

  /**
   * Slack's built-in commands, which an app cannot register: "Use built-in slash commands",
   * https://slack.com/help/articles/201259356.
   */
  static final Set<String> SLACK_BUILT_INS =
      Set.of(
          "me",
          "status",
          "away",
          "dnd",
          "shrug",
          "remind",
          "msg",
          "feed",
          "who",
          "collapse",
          "expand",
          "leave",
          "join",
          "open",
          "search",
          "topic",
          "mute",
          "pro",
          "shortcuts");

  /** Slack's rules for a command's name, and its limit of 50 commands per app. */
  private static final Pattern NAME = Pattern.compile("/[a-z0-9_-]{1,32}");

  private static final int SLACK_MAX_COMMANDS = 50;

  private static List<CommandHandler> commands;
  private static JsonNode slashCommands;

  /** The example configuration with a {@code web:} section, so that {@code /web} is served too. */
  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        Files.readString(CliTest.EXAMPLE)
            + "\nweb:\n  base_url: https://oncall.example.org\n  session: 1h\n");
    MeisterConfig cfg = new ConfigLoader(Map.of()).load(file, SecretPolicy.OPTIONAL, w -> {});
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    try (Meister meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
        BotRuntime runtime = new BotRuntime(meister, List.of(), clock)) {
      commands = runtime.commands().all();
    }
    slashCommands =
        new ObjectMapper(new YAMLFactory())
            .readTree(MANIFEST.toFile())
            .path("features")
            .path("slash_commands");
  }

  @Test
  void offers_no_command_slack_keeps_for_itself_and_stays_within_slacks_limits() {
    List<String> names = names();

    assertThat(names).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(SLACK_MAX_COMMANDS);
    assertThat(names).allSatisfy(n -> assertThat(n).matches(NAME));
    assertThat(names).noneMatch(n -> SLACK_BUILT_INS.contains(n.substring(1)));
    assertThat(slashCommands)
        .allSatisfy(c -> assertThat(c.path("description").asText()).isNotBlank());
  }

  @Test
  void offers_every_command_the_bot_answers_and_the_umbrella_for_the_rest() {
    List<String> expected = new ArrayList<>();
    for (CommandHandler c : commands) {
      if (!SLACK_BUILT_INS.contains(c.name())) {
        expected.add("/" + c.name());
      }
    }
    expected.add("/meister");

    assertThat(names()).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    slashCommands.forEach(c -> names.add(c.path("command").asText()));
    return names;
  }
}
