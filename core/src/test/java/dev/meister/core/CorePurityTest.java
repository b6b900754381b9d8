package dev.meister.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class CorePurityTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.meister.core");

  @Test
  void the_rules_look_at_the_real_core_classes_so_they_cannot_pass_on_nothing() {
    assertThat(CORE.containPackage("dev.meister.core.schedule")).isTrue();
    assertThat(CORE.contain(dev.meister.core.schedule.OnCallResolver.class)).isTrue();
    assertThat(CORE.size()).isGreaterThan(50);
  }

  @Test
  void core_depends_on_no_storage_network_json_scheduler_or_chat_library() {
    noClasses()
        .that()
        .resideInAPackage("dev.meister.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "java.net..",
            "java.net.http..",
            "java.nio.file..",
            "org.telegram..",
            "com.slack..",
            "net.dv8tion..",
            "okhttp3..",
            "org.quartz..",
            "io.javalin..",
            "com.fasterxml..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .check(CORE);
  }

  @Test
  void core_never_reads_the_clock_itself() {
    noClasses()
        .that()
        .resideInAPackage("dev.meister.core..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("core takes a java.time.Clock wherever it needs the current time")
        .check(CORE);
  }

  @Test
  void core_packages_have_no_cycles() {
    slices().matching("dev.meister.core.(*)..").should().beFreeOfCycles().check(CORE);
  }
}
