package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meister.storage.DatabaseTarget;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/deploy}: the compose file's instances read a configuration the real loader
 * accepts with exactly the secrets the env example declares, pointing at the compose file's own
 * PostgreSQL; and the systemd unit passes {@code systemd-analyze verify} without a warning.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeployExamplesTest {
  private static final Path DEPLOY = Path.of("..", "examples", "deploy");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String CONFIG_IN_CONTAINER = "/etc/meister/meister.yml";

  @Test
  void the_compose_file_runs_postgres_and_two_meister_instances() throws IOException {
    JsonNode services = compose().path("services");

    assertThat(services.fieldNames()).toIterable().contains("postgres", "meister-1", "meister-2");
    for (String name : List.of("meister-1", "meister-2")) {
      JsonNode service = services.path(name);
      assertThat(service.path("command").toString()).contains(CONFIG_IN_CONTAINER);
      assertThat(service.path("depends_on").path("postgres").path("condition").asText())
          .isEqualTo("service_healthy");
      assertThat(service.path("ports").get(0).asText()).endsWith(":8080");
    }
  }

  @Test
  void each_instance_reads_a_config_the_real_loader_accepts_against_the_compose_postgres()
      throws Exception {
    JsonNode services = compose().path("services");
    JsonNode postgres = services.path("postgres").path("environment");

    for (String name : List.of("meister-1", "meister-2")) {
      Path config = mountedConfig(services.path(name));
      Map<String, String> env =
          envFile(DEPLOY.resolve(services.path(name).path("env_file").asText() + ".example"));

      MeisterConfig loaded = new ConfigLoader(env).load(config, SecretPolicy.REQUIRED, w -> {});

      assertThat(loaded.storage().target())
          .isInstanceOfSatisfying(
              DatabaseTarget.Postgres.class,
              pg -> {
                assertThat(pg.url())
                    .isEqualTo(
                        "jdbc:postgresql://postgres:5432/" + postgres.path("POSTGRES_DB").asText());
                assertThat(pg.user()).isEqualTo(postgres.path("POSTGRES_USER").asText());
                assertThat(pg.password()).isEqualTo(env.get("MEISTER_DB_PASSWORD"));
              });
      assertThat(postgres.path("POSTGRES_PASSWORD").asText()).startsWith("${MEISTER_DB_PASSWORD");
      assertThat(loaded.server().bind()).isEqualTo("0.0.0.0");
      assertThat(loaded.server().port()).isEqualTo(8080);
      assertThat(loaded.server().metricsToken().isPresent()).isTrue();
      assertThat(loaded.logFormat()).isEqualTo(LogFormat.JSON);
    }
  }

  @Test
  void the_env_example_declares_every_secret_the_config_names_and_nothing_else()
      throws IOException {
    Set<String> named = new java.util.TreeSet<>();
    Pattern reference = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");
    for (String line : Files.readAllLines(DEPLOY.resolve("meister.yml"))) {
      // Comment lines only explain the ${VAR} form.
      Matcher m = reference.matcher(line.strip().startsWith("#") ? "" : line);
      while (m.find()) {
        named.add(m.group(1));
      }
    }

    assertThat(envFile(DEPLOY.resolve("meister.env.example")).keySet())
        .containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void the_systemd_unit_verifies_without_a_warning() throws Exception {
    Path unit = DEPLOY.resolve("meister.service").toAbsolutePath().normalize();
    String text = Files.readString(unit);
    assertThat(text)
        .contains("EnvironmentFile=/etc/meister/meister.env")
        .contains("Restart=on-failure")
        .contains("--config " + CONFIG_IN_CONTAINER)
        .contains("NoNewPrivileges=yes")
        .contains("ProtectSystem=strict");
    assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
    assumeTrue(new File("/usr/bin/java").canExecute(), "the unit's /usr/bin/java is absent");

    Process verify =
        new ProcessBuilder("systemd-analyze", "verify", "--man=no", unit.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

    // A bad setting is only a warning (exit 0), so the output must be empty too.
    assertThat(output.strip()).isEmpty();
    assertThat(verify.exitValue()).isZero();
  }

  private static JsonNode compose() throws IOException {
    return YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
  }

  /** The host file mounted at the config path, resolved against the compose file's folder. */
  private static Path mountedConfig(JsonNode service) {
    List<String> sources = new ArrayList<>();
    for (JsonNode volume : service.path("volumes")) {
      String[] parts = volume.asText().split(":", -1);
      if (parts.length >= 2 && parts[1].equals(CONFIG_IN_CONTAINER)) {
        sources.add(parts[0]);
      }
    }
    assertThat(sources).hasSize(1);
    Path config = DEPLOY.resolve(sources.get(0)).normalize();
    assertThat(config).isRegularFile();
    return config;
  }

  private static Map<String, String> envFile(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      assertThat(eq).as("KEY=value: " + l).isPositive();
      env.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return env;
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator, -1)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
