package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code web:}: the page's address, session lifetime, trusted proxy header and listener. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebConfigTest {
  /** Lines 1-11; whatever a test appends starts on line 12. */
  private static final String BASE =
      """
      team:
        members:
          danny: { name: Danny, email: danny@example.com }
      rotations:
        de-standby:
          name: DE standby
          zone: UTC
          shift: 1w
          handoff: { day: monday, time: "09:00" }
          anchor: 2026-11-02
          roster: [danny]
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void without_the_section_the_page_is_not_served() throws ConfigException {
    MeisterConfig config = fixture.load(BASE);

    assertThat(config.web().enabled()).isFalse();
    assertThat(config.team().members().get(0).email()).isEqualTo("danny@example.com");
  }

  @Test
  void the_page_shares_the_webhook_server_and_sessions_last_twelve_hours_by_default()
      throws ConfigException {
    MeisterConfig config = fixture.load(BASE + "web: { base_url: \"https://oncall.example/\" }\n");

    WebConfig web = config.web();
    assertThat(web.enabled()).isTrue();
    assertThat(web.baseUrl()).contains(URI.create("https://oncall.example"));
    assertThat(web.secure()).isTrue();
    assertThat(web.session()).isEqualTo(Duration.ofHours(12));
    assertThat(web.port()).isEqualTo(OptionalInt.empty());
    assertThat(web.trustedHeader()).isEmpty();
    assertThat(web.link("/web/login/abc")).isEqualTo("https://oncall.example/web/login/abc");
  }

  @Test
  void every_key_is_read() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
                web:
                  enabled: true
                  base_url: http://127.0.0.1:8090
                  session: 8h
                  trusted_header: { name: X-Forwarded-Email, match: email }
                  bind: 0.0.0.0
                  port: 8090
                """);

    WebConfig web = config.web();
    assertThat(web.secure()).isFalse();
    assertThat(web.session()).isEqualTo(Duration.ofHours(8));
    assertThat(web.trustedHeader())
        .contains(new WebConfig.TrustedHeader("X-Forwarded-Email", WebConfig.Match.EMAIL));
    assertThat(web.bind()).isEqualTo(Optional.of("0.0.0.0"));
    assertThat(web.port()).isEqualTo(OptionalInt.of(8090));
  }

  @Test
  void each_mistake_is_located_at_its_line() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                    web:
                      base_url: ftp://oncall.example
                      session: 90d
                      trusted_header: { name: "X Email", match: name }
                      port: 70000
                      colour: blue
                    """))
        .containsExactly(
            "meister.yml:13: web.base_url: 'ftp://oncall.example' must be an http or https URL,"
                + " e.g. https://meister.example.com",
            "meister.yml:14: web.session: a session may last at most 30d, not 90d",
            "meister.yml:15: web.trusted_header.name: 'X Email' is not an HTTP header name, e.g."
                + " X-Forwarded-Email",
            "meister.yml:15: web.trusted_header.match: 'name' is not a way to match members; use"
                + " email or login",
            "meister.yml:16: web.port: port 70000 must be between 1 and 65535",
            "meister.yml:17: web.colour: unknown key 'colour'");
  }

  @Test
  void an_enabled_page_needs_its_address() {
    assertThat(fixture.problems(BASE + "web: { enabled: true }\n"))
        .containsExactly("meister.yml:12: web: missing required field 'base_url'");
  }
}
