package dev.meister.core.flaky;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import java.util.List;

/**
 * The lines an alert carries once its failing tests are known flaky: instead of leaving the on-call
 * to file a bug for a failure that goes away on re-run, it says how often the test failed lately
 * and that a re-run passed (seed 002: "chance that failure is temporary … rerun the regressions").
 */
public final class FlakyAlertNotes implements AlertNotes {
  /** More lines would push the alert's own text out of view; the analysis reply lists them. */
  static final int SHOWN = 3;

  private final FlakyTests flaky;

  public FlakyAlertNotes(FlakyTests flaky) {
    this.flaky = flaky;
  }

  /**
   * Nothing, without looking: an alert is taken in before its logs are read, so its attempt has no
   * failing tests yet, let alone flaky ones; the analysis edits them in later ({@link
   * FlakyTests#testsFailed}).
   */
  @Override
  public void addToNew(Alert alert, RichText.Builder text) {}

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    if (alert.id() == null || alert.gitHubRun().isEmpty()) {
      return;
    }
    List<FlakyNote> notes = flaky.notesFor(alert.storedId());
    for (FlakyNote note : notes.subList(0, Math.min(SHOWN, notes.size()))) {
      text.newline()
          .text(EmojiNames.unicode("game_die") + " " + note.text() + ": ")
          .code(note.test());
    }
    if (notes.size() > SHOWN) {
      text.newline().text("… and " + (notes.size() - SHOWN) + " more flaky tests");
    }
    if (!notes.isEmpty()) {
      text.newline().text("Re-run it before filing a bug; /issue files it labelled flaky.");
    }
  }
}
