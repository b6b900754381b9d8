package dev.meister.bot.webhook.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shipped Airflow notifier's own tests ({@code examples/airflow/test_meister_notifier.py},
 * standard library only) as part of {@code mvn verify}, so the one test command covers the Python
 * side too: it checks that the notifier builds exactly {@code sample_payload.json}, which {@link
 * AirflowWebhookTest} posts. {@code .ci/run} installs python3 where it is missing.
 */
class NotifierScriptTest {
  /** Maven runs the bot module's tests in {@code bot/}. */
  private static final Path SCRIPTS = Path.of("..", "examples", "airflow");

  @Test
  void the_notifiers_python_tests_pass() throws Exception {
    assumeTrue(python3(), "python3 is not installed");
    Path log = Files.createTempFile("notifier-tests", ".log");
    Process p =
        new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", SCRIPTS.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished within 2 min").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("OK");
  }

  private static boolean python3() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
