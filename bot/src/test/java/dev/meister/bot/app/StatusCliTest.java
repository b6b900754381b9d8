package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.airflow.FakeAirflow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FakeAirflow airflow;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    airflow = FakeAirflow.v1Failed();
    airflow.requireAuthorization("Bearer api-token");
    config = dir.resolve("meister.yml");
    Files.writeString(
        config,
        """
        team:
          members:
            alice: { name: Alice, telegram_id: 1, roles: [team_lead] }
        rotations:
          ops:
            name: Ops
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice]
        storage:
          database: %s
        airflow:
          legacy:
            url: %s
            api: v1
            token: ${AIRFLOW_API_TOKEN}
        status_posts:
          - dag: prod-dagao
            stages:
              - { name: Contracts, calculate: itaipu-contracts }
              - { name: Financial Reports, calculate: finance }
              - { name: Facts and Dimensions, calculate: itaipu-dimensional-modeling, load: capivara-dm }
              - { name: Models and Policies, calculate: itaipu-policies }
              - { name: Other datasets, calculate: itaipu-rest, load: capivara-rest }
        """
            .formatted(dir.resolve("none.db"), airflow.url()));
  }

  @AfterEach
  void stop() {
    airflow.close();
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void status_prints_the_post_with_failures_first() {
    int code =
        run(
            Map.of("AIRFLOW_API_TOKEN", "api-token"),
            "status",
            "--dag",
            "prod-dagao",
            "--config",
            config.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualToNormalizingNewlines(
            """
        prod-dagao run of Sun 22 Nov 02:00 UTC: failed
        🔥 Financial Reports failed: finance failed
        🔥 Models and Policies failed: itaipu-policies upstream_failed
        🔥 Other datasets failed: itaipu-rest upstream_failed, capivara-rest upstream_failed
        ✅ Contracts were calculated and loaded
        ✅ Facts and Dimensions were calculated and loaded
        Run failed at 04:11 UTC
        """);
    assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
  }

  @Test
  void airflow_refusing_is_printed_and_exits_1() {
    int code = run(Map.of(), "status", "--config", config.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "⚠️ Cannot read the run from Airflow",
            "refused the request (HTTP 401): check the credentials in airflow.legacy");
  }

  @Test
  void an_unconfigured_dag_names_the_configured_ones() {
    int code = run(Map.of(), "status", "--dag", "nope", "--config", config.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no status post for 'nope'; configured: prod-dagao");
  }
}
