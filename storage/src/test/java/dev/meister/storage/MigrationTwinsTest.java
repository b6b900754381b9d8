package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every migration has its twin for the other database: the same version and description in {@code
 * db/migration} (SQLite) and {@code db/postgresql}, whether SQL or a Java class. A SQLite migration
 * added alone fails here before it fails on a PostgreSQL installation.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MigrationTwinsTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__([^$]+)\\.(sql|class)");

  @Test
  void both_databases_have_the_same_migrations() throws Exception {
    Map<Integer, String> sqlite = migrations(Vendor.SQLITE);
    Map<Integer, String> postgres = migrations(Vendor.POSTGRESQL);

    assertThat(sqlite).containsKeys(1, 9, 21);
    assertThat(postgres)
        .as("db/postgresql must hold a twin of each db/migration version, and nothing else")
        .containsExactlyEntriesOf(sqlite);
  }

  @Test
  void neither_folder_is_inside_the_other() {
    // Flyway scans a location recursively: one inside the other would run both vendors' files.
    assertThat(Vendor.POSTGRESQL.migrations()).doesNotStartWith(Vendor.SQLITE.migrations() + "/");
    assertThat(Vendor.SQLITE.migrations()).doesNotStartWith(Vendor.POSTGRESQL.migrations() + "/");
  }

  /** Version to description of the SQL files and Java classes in a vendor's folder. */
  private static Map<Integer, String> migrations(Vendor vendor)
      throws IOException, URISyntaxException {
    Map<Integer, String> found = new TreeMap<>();
    // Both the SQL resources and the compiled Java migrations land in target/classes.
    URL folder = MigrationTwinsTest.class.getClassLoader().getResource(vendor.migrations());
    assertThat(folder).as(vendor.migrations()).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = MIGRATION.matcher(file.getFileName().toString());
        if (m.matches()) {
          String previous = found.put(Integer.valueOf(m.group(1)), m.group(2));
          assertThat(previous).as("two migrations V%s in %s", m.group(1), vendor).isNull();
        }
      }
    }
    return found;
  }
}
