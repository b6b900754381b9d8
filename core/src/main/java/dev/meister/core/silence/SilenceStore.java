package dev.meister.core.silence;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: silences, the alerts they caught, their summaries and their audit trail. */
public interface SilenceStore {
  /** Stores a silence set from chat, audited as created by its creator; returns it. */
  Silence create(SilenceDraft draft);

  /**
   * Stores the occurrence of a configured window unless it is stored already (same window key);
   * returns the stored one either way. Audited once, when first stored.
   */
  Silence window(SilenceDraft draft);

  Optional<Silence> find(long id);

  /** Silences active at {@code now} (started, not ended, not lifted), oldest first. */
  List<Silence> activeAt(Instant now);

  /**
   * Lifts an active silence at {@code at}, audited; false when it is not active (already ended or
   * lifted), and then nothing changes.
   */
  boolean lift(long id, String by, Instant at);

  /** Records that {@code silence} caught {@code alert}; {@code quiet}: it was not posted. */
  void caught(AlertId alert, long silence, boolean quiet);

  /** The silence that caught {@code alert}, if one did. */
  Optional<Silence> silenceOf(AlertId alert);

  /** The alerts a quiet {@code silence} kept from being posted, oldest first. */
  List<AlertId> quietlyCaught(long silence);

  /** Quiet silences that ended at or before {@code now} and were not summarised yet. */
  List<Silence> summariesDue(Instant now);

  /**
   * Marks {@code silence} as summarised, audited; false when it was already, in which case the
   * caller must not post the summary again.
   */
  boolean summarised(long silence, Instant at);

  /** Every step of {@code silence}: who created, lifted or summarised it, and when. */
  List<SilenceEvent> audit(long silence);
}
