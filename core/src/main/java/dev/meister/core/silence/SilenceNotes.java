package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
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
    silence(alert).ifPresent(s -> text.newline().text("🔕 silenced by " + s.label()));
  }

  @Override
  public boolean silences(Alert alert) {
    return silence(alert).isPresent();
  }

  private Optional<Silence> silence(Alert alert) {
    return alert.id() == null ? Optional.empty() : store.silenceOf(alert.id());
  }
}
