package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.status.StatusBoard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(ReplaceUnderscores.class)
class StatusPostsConfigTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  /** Team, rotation and a Telegram chat; 13 lines. */
  private static final String BASE =
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
      chats:
        telegram: { token: "${TG}", chats: { data: { chat_id: -100123 } } }
      """;

  @Test
  void a_status_post_with_stages_and_an_airflow_instance_is_read() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
        airflow:
          prod: { url: "https://airflow.example.com/", api: v1, username: bot, password: "${PW}" }
        status_posts:
          - dag: prod-dagao
            chats: [telegram/data]
            schedule: { cron: "30 6 * * 1-5", zone: America/Sao_Paulo }
            stages:
              - { name: Contracts, calculate: [itaipu-contracts, "itaipu-extra-*"] }
              - { name: Facts, calculate: group:dm, load: capivara-dm }
        """);

    AirflowInstance prod = Objects.requireNonNull(config.airflow().get("prod"));
    assertThat(prod.url()).isEqualTo("https://airflow.example.com");
    assertThat(prod.api()).isEqualTo(AirflowApi.V1);
    assertThat(prod.username()).isEqualTo("bot");
    assertThat(prod.timeout()).isEqualTo(Duration.ofSeconds(10));
    StatusPostConfig post = config.statusPosts().get(0);
    StatusBoard board = post.plan().board();
    assertThat(board.name()).isEqualTo("prod-dagao");
    assertThat(board.airflow()).isEqualTo("prod");
    assertThat(board.zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
    assertThat(board.stages().get(0).calculate())
        .extracting(Object::toString)
        .containsExactly("itaipu-contracts", "itaipu-extra-*");
    assertThat(post.plan().pollEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(post.plan().stopAfter()).isEqualTo(Duration.ofHours(12));
    assertThat(post.scheduleIfAny().orElseThrow().quartz()).isEqualTo("0 30 6 ? * MON-FRI");
  }

  @Test
  void every_mistake_is_reported_at_its_line() {
    List<String> problems =
        fixture.problems(
            BASE
                + """
        airflow:
          prod: { url: "ftp://x", api: v3, token: literal, username: bob }
        status_posts:
          - dag: prod-dagao
            airflow: prd
            chats: [telegram/nope]
            schedule: { cron: "0 25 * * *", zone: Mars/Olympus }
            poll_every: 5s
            stages:
              - { name: Contracts }
              - { name: Bad, calculate: "group:" }
        """);

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "meister.yml:15: airflow.prod: give either 'token' or 'username' and 'password', not both",
            "meister.yml:15: airflow.prod.url: 'ftp://x' must be an http(s) URL such as"
                + " https://airflow.example.com",
            "meister.yml:15: airflow.prod.api: 'v3' must be one of: v1, v2",
            "meister.yml:15: airflow.prod.token: write secrets as ${ENV_VAR}, not literally in the"
                + " file",
            "meister.yml:18: status_posts[0].airflow: Airflow instance 'prd' is not defined under"
                + " 'airflow' (did you mean 'prod'?)",
            problems.stream().filter(p -> p.contains("telegram/nope")).findFirst().orElse("-"),
            problems.stream().filter(p -> p.contains("Mars/Olympus")).findFirst().orElse("-"),
            "meister.yml:21: status_posts[0].poll_every: poll Airflow at most every 30s, not every"
                + " 5s",
            "meister.yml:23: status_posts[0].stages[0]: missing required field 'calculate'",
            "meister.yml:24: status_posts[0].stages[1].calculate: task group may not be blank");
    assertThat(problems)
        .filteredOn(p -> p.contains("Mars/Olympus"))
        .singleElement()
        .asString()
        .startsWith("meister.yml:20: status_posts[0].schedule.zone:");
  }

  @Test
  void crontab_days_become_quartz_days_and_one_day_field_is_left_open() {
    ZoneId utc = ZoneId.of("UTC");

    assertThat(CronSchedule.parse("0 8 * * *", utc).quartz()).isEqualTo("0 0 8 * * ?");
    assertThat(CronSchedule.parse("0 8 * * 0,6", utc).quartz()).isEqualTo("0 0 8 ? * SUN,SAT");
    assertThat(CronSchedule.parse("0 8 1 * *", utc).quartz()).isEqualTo("0 0 8 1 * ?");
    assertThat(CronSchedule.parse("0 0 8 ? * MON", utc).quartz()).isEqualTo("0 0 8 ? * MON");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CronSchedule.parse("0 8 1 * MON", utc))
        .withMessageContaining("restricts both the day of the month and the day of the week");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CronSchedule.parse("0 8 *", utc))
        .withMessageContaining("must have five fields");
  }

  @Test
  void the_post_time_stays_at_local_time_across_a_daylight_saving_change() {
    CronSchedule sevenInNewYork = CronSchedule.parse("0 7 * * *", ZoneId.of("America/New_York"));

    Instant beforeChange =
        sevenInNewYork.nextAfter(Instant.parse("2026-10-31T12:00:00Z")).orElseThrow();
    Instant afterChange = sevenInNewYork.nextAfter(beforeChange).orElseThrow();

    assertThat(beforeChange).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
    assertThat(afterChange).isEqualTo(Instant.parse("2026-11-02T12:00:00Z"));
  }

  @Test
  void one_airflow_instance_is_used_when_a_post_names_none() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
        airflow:
          only: { url: "http://localhost:8080", api: v2 }
        status_posts:
          - { name: nightly, dag: etl, stages: [{ name: All, calculate: "*" }] }
        """);

    assertThat(config.statusPosts().get(0).plan().board().airflow()).isEqualTo("only");
    assertThat(config.statusPosts().get(0).scheduleIfAny()).isEmpty();
  }

  // Seed 000: "A notification contains: ... Link fo broken DAG" — links go to the UI's address.
  @Test
  void an_airflow_instance_may_name_its_ui_address_for_dag_run_links() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
        airflow:
          prod: { url: "http://airflow-api.internal:8080", api: v2, ui_url: "https://airflow.example.com/" }
          lab: { url: "https://lab.example.com", api: v1 }
        """);

    assertThat(Objects.requireNonNull(config.airflow().get("prod")).uiUrl())
        .isEqualTo("https://airflow.example.com");
    assertThat(Objects.requireNonNull(config.airflow().get("lab")).uiUrl())
        .isEqualTo("https://lab.example.com");
  }

  @Test
  void a_ui_url_that_is_no_http_url_is_reported_at_its_line() {
    List<String> problems =
        fixture.problems(
            BASE
                + """
        airflow:
          prod: { url: "https://airflow.example.com", api: v2, ui_url: "airflow.example.com" }
        """);

    assertThat(problems)
        .containsExactly(
            "meister.yml:15: airflow.prod.ui_url: 'airflow.example.com' must be an http(s) URL"
                + " such as https://airflow.example.com");
  }
}
