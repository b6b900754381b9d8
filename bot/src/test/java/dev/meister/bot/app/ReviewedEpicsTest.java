package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.handoff.EpicRef;
import dev.meister.core.schedule.RotationId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002: "Regularly check issues that belong to the Epic BUILD - Breaks": the epic new issues
 * are filed under is reviewed when the rotation's hand-off moves none.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewedEpicsTest {
  @TempDir Path dir;

  @Test
  void the_review_lists_the_handoff_epic_else_the_filing_epic() throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice }
        rotations:
          dagmeister:
            name: DagMeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice]
            epic: cryptokaizen/cmamp#8785
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice]
          hausmeister:
            name: Hausmeister
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice]
        github:
          token: ${GITHUB_TOKEN}
          repo: cryptokaizen/cmamp
          rotations:
            dagmeister: { epic: 9999 }
            buildmeister: { epic: 167 }
        """);

    Map<RotationId, EpicRef> epics =
        Duties.reviewedEpics(
            new ConfigLoader(Map.of("GITHUB_TOKEN", "t")).load(file, SecretPolicy.REQUIRED));

    assertThat(epics)
        .containsExactly(
            Map.entry(RotationId.of("dagmeister"), EpicRef.parse("cryptokaizen/cmamp#8785")),
            Map.entry(RotationId.of("buildmeister"), EpicRef.parse("cryptokaizen/cmamp#167")));
  }
}
