package dev.meister.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge module's layout: each adapter talks to core on its own, and only the composition root
 * ({@code app}) knows more than one of them. The HTTP server ({@code webhook}), the configuration
 * and the scheduler ({@code jobs}) are shared edge infrastructure, not adapters.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class BotLayoutTest {
  private static final JavaClasses BOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.meister.bot");

  /** The adapters: one outside system each. */
  private static final List<String> ADAPTERS =
      List.of("telegram", "slack", "discord", "console", "github", "airflow");

  static List<String> adapters() {
    return ADAPTERS;
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void no_package_outside_the_composition_root_depends_on_another_adapter(String adapter) {
    assertThat(BOT.containPackage("dev.meister.bot." + adapter)).isTrue();
    noClasses()
        .that()
        .resideInAPackage("dev.meister.bot..")
        .and()
        .resideOutsideOfPackages("dev.meister.bot.app..", "dev.meister.bot." + adapter + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.meister.bot." + adapter + "..")
        .because("adapters meet only in the composition root")
        .check(BOT);
  }
}
