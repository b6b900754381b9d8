package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code meister} command line, run in-process on the shipped example configuration. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliTest {
  static final Path EXAMPLE = Path.of("..", "examples", "meister.yml");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void whoisoncall_answers_for_every_rotation_at_the_given_instant() {
    int code =
        run(
            Map.of(),
            "whoisoncall",
            "--at",
            "2026-11-25T09:00:00Z",
            "--config",
            EXAMPLE.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualToNormalizingNewlines(
            """
        📅 DagMeister
        Primary: Bob Stone until Mon 30 Nov 11:00 CET
        Next: Carol Lee from Mon 30 Nov 11:00 CET

        📅 Buildmeister
        Primary: Frank Ortiz until Mon 30 Nov 11:00 CET
        Next: Grace Hopper from Mon 30 Nov 11:00 CET

        📅 Hausmeister
        Primary: Dave Kim until Fri 27 Nov 17:00 CET
        Level 2: Grace Hopper until Mon 30 Nov 11:00 CET
        Next: Bob Stone (weekend) from Fri 27 Nov 17:00 CET

        📅 DE standby
        Primary: Jane until Mon 30 Nov 09:00 UTC
        Next: Danny from Mon 30 Nov 09:00 UTC
        """);
  }

  @Test
  void whoisoncall_for_one_rotation_shows_the_configured_vacation_override() {
    // Bob covers Dave's week; Dave also holds that weekend, so the override runs to Monday.
    int code =
        run(
            Map.of(),
            "whoisoncall",
            "hausmeister",
            "--at",
            "2026-12-22T09:00:00Z",
            "--config",
            EXAMPLE.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("Primary: Bob Stone (override) until Mon 28 Dec 11:00 CET");
  }

  @Test
  void schedule_lists_weekday_and_weekend_stretches_with_their_level_2() {
    int code =
        run(
            Map.of(),
            "schedule",
            "hausmeister",
            "--next",
            "3",
            "--from",
            "2026-11-25T09:00:00Z",
            "--config",
            EXAMPLE.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualToNormalizingNewlines(
            """
        Hausmeister schedule (Europe/Berlin)
        Mon 23 Nov 11:00 CET → Fri 27 Nov 17:00 CET  Dave Kim, Level 2: Grace Hopper
        Fri 27 Nov 17:00 CET → Mon 30 Nov 11:00 CET  Bob Stone (weekend), Level 2: Grace Hopper
        Mon 30 Nov 11:00 CET → Fri 4 Dec 17:00 CET  Alice Doe, Level 2: Erin Novak
        """);
  }

  @Test
  void an_unknown_rotation_is_named_with_the_known_ones() {
    int code = run(Map.of(), "schedule", "sre", "--config", EXAMPLE.toString());

    assertThat(code).isNotZero();
    assertThat(err.toString())
        .contains("no rotation 'sre'; rotations: dagmeister, buildmeister, hausmeister");
  }

  @Test
  void check_config_accepts_the_example_when_its_secrets_are_set() {
    int code =
        run(
            Map.of(
                "TELEGRAM_BOT_TOKEN",
                "123:abc",
                "SLACK_BOT_TOKEN",
                "xoxb-1",
                "SLACK_APP_TOKEN",
                "xapp-1",
                "GITHUB_WEBHOOK_SECRET",
                "s",
                "AIRFLOW_WEBHOOK_TOKEN",
                "t",
                "GITHUB_TOKEN",
                "g",
                "AIRFLOW_API_TOKEN",
                "a"),
            "check-config",
            "--config",
            EXAMPLE.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("OK (11 members, 4 rotations, 8 routes; storage SQLite ./meister.db)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void check_config_names_a_postgresql_database_without_its_password_and_wants_the_password_set(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
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
        storage:
          url: jdbc:postgresql://db.internal:5432/meister
          user: meister
          password: ${MEISTER_DB_PASSWORD}
        """);

    assertThat(run(Map.of(), "check-config", "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "meister.yml:15: storage.password: environment variable MEISTER_DB_PASSWORD is not set");

    err.getBuffer().setLength(0);
    int code =
        run(
            Map.of("MEISTER_DB_PASSWORD", "pg-s3cret"),
            "check-config",
            "--config",
            file.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "OK (1 members, 1 rotations, 0 routes; storage PostgreSQL"
                + " jdbc:postgresql://db.internal:5432/meister)")
        .doesNotContain("pg-s3cret");
    assertThat(err.toString()).doesNotContain("pg-s3cret");
  }

  @Test
  void check_config_prints_three_located_problems_and_exits_2(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice, roles: [team_lead] }
            bob: { name: Bob }
        rotations:
          dagmeister:
            name: DagMeister
            zone: Europe/Berln
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            rooster: [alice, bob]
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bobb]
        """);

    int code = run(Map.of(), "check-config", "--config", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .startsWith(
            file
                + ":8: rotations.dagmeister.zone: unknown time zone 'Europe/Berln'"
                + " (did you mean 'Europe/Berlin'?)",
            file
                + ":12: rotations.dagmeister.rooster: unknown key 'rooster' (did you mean 'roster'?)",
            file
                + ":19: rotations.buildmeister.roster[1]: unknown member 'bobb'"
                + " (did you mean 'bob'?)");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void telegram_webhook_mode_needs_a_public_url_and_a_secret(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice, roles: [team_lead] }
        rotations:
          ops:
            name: Ops
            zone: UTC
            shift: 1w
            handoff: { day: monday, time: "09:00" }
            anchor: 2026-11-02
            roster: [alice]
        chats:
          telegram:
            token: ${TG}
            mode: webhook
        """);

    int code = run(Map.of("TG", "1:x"), "check-config", "--config", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(":13: chats.telegram: missing required field 'webhook_secret'")
        .contains(":13: chats.telegram: missing required field 'webhook_url'");
  }

  @Test
  void version_and_help_are_answered() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString()).startsWith("meister ");

    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("check-config", "whoisoncall", "schedule", "demo", "run");
  }
}
