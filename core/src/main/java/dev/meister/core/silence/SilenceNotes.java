package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.RichText;
import java.util.Optional;

/**
 * The line a silenced alert's message carries, "🔕 silenced by #4 'Exchange maintenance'", and its
 * mentions shown as names: on the first post and on every edit (an acknowledgement keeps it).
 */
public final class SilenceNotes implements AlertNotes {
  private final SilenceStore store;

  public SilenceNotes(SilenceStore store) {
    this.store = store;
  }

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    silence(alert).ifPresent(s -> text.newline().text(AlertMessages.SILENCED_BY + s.label()));
  }

  @Override
  public boolean silences(Alert alert) {
    return silence(alert).isPresent();
  }

  /**
   * Nothing, without looking: the intake that caught a new alert in a silence hands the silence to
   * {@link AlertMessages#newAlert}, which writes this line and leaves out the mentions.
   */
  @Override
  public void addToNew(Alert alert, RichText.Builder text) {}

  /** False, without looking: see {@link #addToNew}. */
  @Override
  public boolean silencesNew(Alert alert) {
    return false;
  }

  private Optional<Silence> silence(Alert alert) {
    return alert.id() == null ? Optional.empty() : store.silenceOf(alert.id());
  }
}
