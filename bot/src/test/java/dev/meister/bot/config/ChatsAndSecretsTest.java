package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ChatsAndSecretsTest {
  private static final String TOKEN = "123456:AAE-very-secret-token";

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  /** Telegram's token on line 4, the rotation's chat on line 18. */
  private static String config(String token, String rotationChat) {
    return """
    chats:
      telegram:
        mode: polling
        token: %s
        chats:
          data-alerts: { chat_id: -1001, topic: 7 }
    team:
      members:
        alice: { name: Alice, roles: [team_lead] }
    rotations:
      ops:
        name: Ops
        zone: Europe/Berlin
        shift: 2w
        handoff: { day: monday, time: "11:00" }
        anchor: 2026-11-02
        roster: [alice]
        chat: %s
    """
        .formatted(token, rotationChat);
  }

  @Test
  void a_secret_reference_is_resolved_from_the_environment() throws ConfigException {
    Path file = fixture.write(config("${TELEGRAM_BOT_TOKEN}", "telegram/data-alerts"));

    MeisterConfig config =
        new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).load(file, SecretPolicy.REQUIRED);

    Secret token = config.chats().telegramConfig().orElseThrow().token();
    assertThat(token.reveal()).isEqualTo(TOKEN);
    assertThat(token).hasToString("Secret[****]");
    assertThat(config.toString()).doesNotContain(TOKEN);
  }

  @Test
  void an_unset_variable_is_an_error_when_secrets_are_required() {
    String yaml = config("${TELEGRAM_BOT_TOKEN}", "telegram/data-alerts");

    assertThat(fixture.problems(yaml, Map.of(), SecretPolicy.REQUIRED))
        .containsExactly(
            "meister.yml:4: chats.telegram.token: environment variable TELEGRAM_BOT_TOKEN is not"
                + " set");
  }

  @Test
  void an_unset_variable_is_an_absent_secret_when_secrets_are_optional() throws ConfigException {
    MeisterConfig config = fixture.load(config("${TELEGRAM_BOT_TOKEN}", "telegram/data-alerts"));

    Secret token = config.chats().telegramConfig().orElseThrow().token();
    assertThat(token.isPresent()).isFalse();
    assertThat(token).hasToString("Secret[absent]");
    assertThatIllegalStateException().isThrownBy(token::reveal).withMessage("the secret is absent");
  }

  @Test
  void a_disabled_adapter_needs_no_environment_variables() throws ConfigException {
    String yaml =
        config("${TELEGRAM_BOT_TOKEN}", "telegram/data-alerts")
            .replace("    mode: polling\n", "    enabled: false\n");
    Path file = fixture.write(yaml);

    MeisterConfig config = new ConfigLoader(Map.of()).load(file, SecretPolicy.REQUIRED);

    assertThat(config.chats().telegramConfig().orElseThrow().enabled()).isFalse();
  }

  @Test
  void a_secret_written_literally_is_an_error_that_does_not_repeat_it() {
    ConfigException e =
        fixture.exception(config(TOKEN, "telegram/data-alerts"), Map.of(), SecretPolicy.OPTIONAL);

    assertThat(e.problems())
        .extracting(ConfigProblem::format)
        .singleElement()
        .asString()
        .endsWith(
            "meister.yml:4: chats.telegram.token: write secrets as ${ENV_VAR}, not literally"
                + " in the file");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void a_secret_in_a_syntax_error_line_is_not_quoted() {
    String yaml = config(TOKEN + ": mapping: here", "telegram/data-alerts");

    ConfigException e = fixture.exception(yaml, Map.of(), SecretPolicy.OPTIONAL);

    assertThat(e.getMessage()).contains("syntax error").doesNotContain(TOKEN);
  }

  @Test
  void a_named_chat_becomes_the_rotations_chat_with_its_forum_topic() throws ConfigException {
    MeisterConfig config = fixture.load(config("${T}", "telegram/data-alerts"));

    ChatTarget chat = config.rotationChats().values().iterator().next();
    assertThat(chat.reference()).isEqualTo("telegram/data-alerts");
    assertThat(chat.ref()).hasToString("telegram:-1001/7");
  }

  @Test
  void a_reference_to_an_undefined_chat_is_reported_with_a_suggestion() {
    assertThat(fixture.problems(config("${T}", "telegram/data-alert")))
        .containsExactly(
            "meister.yml:18: rotations.ops.chat: chat 'telegram/data-alert' is not defined in"
                + " chats.telegram.chats (did you mean 'data-alerts'?)");
  }

  @Test
  void a_reference_to_an_unconfigured_adapter_is_reported() {
    assertThat(fixture.problems(config("${T}", "slack/ops")))
        .containsExactly(
            "meister.yml:18: rotations.ops.chat: chat 'slack/ops' is not defined in"
                + " chats.slack.channels");
  }

  @Test
  void a_malformed_chat_reference_is_reported() {
    assertThat(fixture.problems(config("${T}", "data-alerts")))
        .containsExactly(
            "meister.yml:18: rotations.ops.chat: chat 'data-alerts' must look like <adapter>/<name>"
                + " with adapter one of telegram, slack, discord, console, e.g."
                + " telegram/data-alerts");
  }

  @Test
  void the_console_accepts_any_chat_name() throws ConfigException {
    MeisterConfig config = fixture.load(config("${T}", "console/ops"));

    assertThat(config.rotationChats().values())
        .extracting(ChatTarget::reference)
        .containsExactly("console/ops");
  }

  @Test
  void slack_in_http_mode_needs_a_signing_secret() {
    String yaml =
        """
        chats:
          slack:
            bot_token: ${SLACK_BOT_TOKEN}
            mode: http
            channels:
              ops: { channel: C0123 }
        team:
          members:
            alice: { name: Alice, roles: [team_lead] }
        rotations: {}
        """;

    assertThat(fixture.problems(yaml))
        .containsExactly("meister.yml:2: chats.slack: missing required field 'signing_secret'");
  }

  @Test
  void workflow_job_alerts_are_off_unless_the_server_section_turns_them_on() throws Exception {
    String base = config("${TELEGRAM_BOT_TOKEN}", "telegram/data-alerts");
    assertThat(fixture.load(base).server().githubWorkflowJobs()).isFalse();
    assertThat(
            fixture
                .load(base + "server:\n  port: 8080\n  github_workflow_jobs: true\n")
                .server()
                .githubWorkflowJobs())
        .isTrue();
  }
}
