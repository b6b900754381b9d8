package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings for the people who run Meister: {@code server.metrics_token}, {@code
 * storage.retention}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperationsConfigTest {
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, roles: [team_lead] }
      rotations: {}
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void without_a_metrics_token_the_metrics_are_not_served() throws ConfigException {
    assertThat(fixture.load(BASE).server().metricsToken().isPresent()).isFalse();
  }

  @Test
  void the_metrics_token_is_read_from_the_environment() throws ConfigException {
    String yaml = BASE + "server:\n  metrics_token: ${MEISTER_METRICS_TOKEN}\n";

    MeisterConfig config =
        new ConfigLoader(Map.of("MEISTER_METRICS_TOKEN", "s3cret"))
            .load(fixture.write(yaml), SecretPolicy.REQUIRED, w -> {});

    assertThat(config.server().metricsToken().reveal()).isEqualTo("s3cret");
    assertThat(config.server().toString()).doesNotContain("s3cret");
  }

  @Test
  void a_metrics_token_written_literally_is_refused_at_its_line() {
    String yaml = BASE + "server:\n  metrics_token: s3cret\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:6: server.metrics_token: write secrets as ${ENV_VAR}, not literally in"
                + " the file");
  }

  @Test
  void a_metrics_token_whose_variable_is_unset_is_an_error_when_running() {
    String yaml = BASE + "server:\n  metrics_token: ${MEISTER_METRICS_TOKEN}\n";

    assertThat(fixture.problems(yaml, Map.of(), SecretPolicy.REQUIRED))
        .containsExactly(
            "meister.yml:6: server.metrics_token: environment variable MEISTER_METRICS_TOKEN is"
                + " not set");
  }

  @Test
  void retention_defaults_to_thirty_days() throws ConfigException {
    assertThat(fixture.load(BASE).storage().retention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void retention_is_read_from_the_storage_section() throws ConfigException {
    MeisterConfig config = fixture.load(BASE + "storage:\n  retention: 90d\n");

    assertThat(config.storage().retention()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void a_retention_shorter_than_a_day_is_refused_at_its_line() {
    assertThat(fixture.problems(BASE + "storage:\n  retention: 30m\n"))
        .containsExactly(
            "meister.yml:6: storage.retention: retention 30m is shorter than a day; write e.g."
                + " 30d");
  }

  @Test
  void logs_are_text_unless_the_logging_section_asks_for_json() throws ConfigException {
    assertThat(fixture.load(BASE).logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(fixture.load(BASE + "logging:\n  format: json\n").logFormat())
        .isEqualTo(LogFormat.JSON);
  }

  @Test
  void an_unknown_log_format_is_refused_at_its_line() {
    assertThat(fixture.problems(BASE + "logging:\n  format: xml\n"))
        .containsExactly(
            "meister.yml:6: logging.format: 'xml' is not a log format: write text or json");
  }
}
