package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.storage.DatabaseTarget;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage section: a SQLite file by path or URL, or PostgreSQL with its password from env. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class StorageConfigTest {
  /** Lines 1-14; the storage section starts on line 15. */
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, roles: [team_lead] }
          bob: { name: Bob }
          carol: { name: Carol }
      rotations:
        ops:
          name: Ops
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice, bob]
          chat: console/ops
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void a_sqlite_file_is_named_by_path_or_by_url() throws ConfigException {
    assertThat(fixture.load(BASE + "storage: { database: ./data/m.db }\n").storage().target())
        .isEqualTo(new DatabaseTarget.SqliteFile(Path.of("./data/m.db")));
    assertThat(fixture.load(BASE + "storage: { url: 'jdbc:sqlite:./data/m.db' }\n").storage())
        .isEqualTo(StorageConfig.sqlite(Path.of("./data/m.db")));
  }

  @Test
  void postgresql_takes_its_user_and_its_password_from_the_environment() throws ConfigException {
    String yaml =
        BASE
            + """
            storage:
              url: jdbc:postgresql://db.internal:5432/meister
              user: meister
              password: ${MEISTER_DB_PASSWORD}
            """;

    MeisterConfig config =
        new ConfigLoader(Map.of("MEISTER_DB_PASSWORD", "s3cret"))
            .load(fixture.write(yaml), SecretPolicy.REQUIRED, w -> {});

    assertThat(config.storage().target())
        .isEqualTo(
            new DatabaseTarget.Postgres(
                "jdbc:postgresql://db.internal:5432/meister", "meister", "s3cret"));
    assertThat(config.storage().toString()).doesNotContain("s3cret");
    assertThat(config.storage().describe()).isEqualTo("jdbc:postgresql://db.internal:5432/meister");
    assertThat(config.storage().mayHoldData()).isTrue();
    assertThat(fixture.problems(yaml, Map.of(), SecretPolicy.REQUIRED))
        .containsExactly(
            "meister.yml:18: storage.password: environment variable MEISTER_DB_PASSWORD is not set");
  }

  @Test
  void mistakes_are_located_and_no_password_is_written_in_the_file() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                    storage:
                      url: mysql://db/meister
                    """))
        .containsExactly(
            "meister.yml:16: storage.url: must be jdbc:postgresql://HOST:PORT/DATABASE or"
                + " jdbc:sqlite:FILE");
    assertThat(
            fixture.problems(
                BASE
                    + """
                    storage:
                      database: ./m.db
                      url: jdbc:postgresql://db/meister
                    """))
        .containsExactly(
            "meister.yml:17: storage.url: set storage.url or storage.database, not both (a SQLite"
                + " file is jdbc:sqlite:FILE)");
    assertThat(
            fixture.problems(
                BASE
                    + """
                    storage:
                      database: ./m.db
                      user: meister
                    """))
        .containsExactly(
            "meister.yml:17: storage.user: only for a PostgreSQL database: set storage.url");
    assertThat(
            fixture.problems(
                BASE
                    + """
                    storage:
                      url: jdbc:postgresql://db/meister?password=hunter2
                      password: hunter2
                    """))
        .containsExactly(
            "meister.yml:16: storage.url: put the password in storage.password as ${ENV_VAR}, not in"
                + " the URL",
            "meister.yml:17: storage.password: write secrets as ${ENV_VAR}, not literally in the"
                + " file");
  }

  @Test
  void instances_sharing_postgresql_name_themselves_and_their_lease() throws ConfigException {
    StorageConfig shared =
        fixture
            .load(
                BASE
                    + "storage: { url: 'jdbc:postgresql://db/meister', instance_id: meister-a,"
                    + " lease: 20s }\n")
            .storage();
    assertThat(shared.shared()).isTrue();
    assertThat(shared.instanceId()).contains("meister-a");
    assertThat(shared.lease()).isEqualTo(java.time.Duration.ofSeconds(20));

    StorageConfig defaults =
        fixture.load(BASE + "storage: { url: 'jdbc:postgresql://db/meister' }\n").storage();
    assertThat(defaults.instanceId()).isEmpty();
    assertThat(defaults.lease()).isEqualTo(StorageConfig.DEFAULT_LEASE);
    assertThat(fixture.load(BASE).storage().shared()).as("SQLite: one instance").isFalse();
  }

  @Test
  void a_lease_out_of_range_or_on_sqlite_is_a_located_problem() {
    assertThat(
            fixture.problems(
                BASE + "storage: { url: 'jdbc:postgresql://db/meister', lease: 1s }\n"))
        .singleElement()
        .asString()
        .contains("storage.lease")
        .contains("a lease from 2s to 5m");
    assertThat(fixture.problems(BASE + "storage: { database: ./m.db, instance_id: a }\n"))
        .singleElement()
        .asString()
        .contains("storage.instance_id: only for a PostgreSQL database");
  }
}
