package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;

/**
 * Port: sharpens a stored alert's fingerprint once its log was read (the failing tests are known
 * only then), so the post-mortem log counts root causes rather than workflows.
 */
public interface AlertFingerprints {
  void refine(AlertId alert, String fingerprint);
}
