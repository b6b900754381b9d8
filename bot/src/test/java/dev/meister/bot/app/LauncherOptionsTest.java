package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./meister} launcher's JVM options: what {@code MEISTER_PRINT_JAVA_OPTS=1} prints is
 * what it runs, and every combination with {@code MEISTER_JAVA_OPTS} a README paragraph suggests
 * must still start a JVM. HotSpot refuses some pairs outright (two collectors; C2 with one compiler
 * thread), and a refused launcher is a bot that does not start.
 */
class LauncherOptionsTest {
  /** Maven runs the bot module's tests in {@code bot/}. */
  private static final Path LAUNCHER = Path.of("..", "meister");

  @Test
  void the_defaults_run_the_serial_gc_and_one_c1_compiler_thread_and_start_a_jvm()
      throws Exception {
    List<String> options = options("");

    assertThat(options)
        .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
    assertJvmStarts(options);
  }

  @Test
  void c2_brought_back_drops_the_single_compiler_thread_hotspot_would_refuse() throws Exception {
    List<String> options = options("-XX:TieredStopAtLevel=4");

    assertThat(options).doesNotContain("-XX:CICompilerCount=1").endsWith("-XX:TieredStopAtLevel=4");
    assertJvmStarts(options);
  }

  @Test
  void another_collector_replaces_the_serial_one() throws Exception {
    List<String> options = options("-XX:+UseG1GC -Xmx512m");

    assertThat(options).doesNotContain("-XX:+UseSerialGC").endsWith("-XX:+UseG1GC", "-Xmx512m");
    assertJvmStarts(options);
  }

  /** The options the launcher prints, without class-data sharing (no archive written by a test). */
  private static List<String> options(String javaOpts) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), "run");
    builder.environment().put("MEISTER_PRINT_JAVA_OPTS", "1");
    builder.environment().put("MEISTER_CDS", "0");
    builder.environment().put("MEISTER_JAVA_OPTS", javaOpts);
    String out = run(builder);
    return List.of(out.strip().split("\n"));
  }

  private static void assertJvmStarts(List<String> options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("java"); // the launcher's own: the one on the PATH
    command.addAll(options);
    command.add("-version");
    run(new ProcessBuilder(command));
  }

  private static String run(ProcessBuilder builder) throws Exception {
    Path log = Files.createTempFile("launcher", ".log");
    Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", builder.command()) + "\n" + output).isZero();
    return output;
  }
}
