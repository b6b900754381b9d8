package dev.meister.core.pipeline;

import dev.meister.core.chat.RichText;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The pieces of text every pipeline message shares: owners tagged, parties, runbooks, times. */
final class PipelineText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private PipelineText() {}

  /** "Owners: @a, @b. Downstream: Data analyst team." and the runbook links. */
  static RichText.Builder owners(Pipeline p, RichText.Builder t) {
    t.newline().text("Owners: ");
    mentions(p.owners(), t);
    parties(". Downstream: ", p.downstream(), t);
    t.text(".");
    runbooks(p, t, " ");
    return t;
  }

  static void mentions(List<MemberId> members, RichText.Builder t) {
    for (int i = 0; i < members.size(); i++) {
      t.text(i == 0 ? "" : ", ").mention(members.get(i));
    }
  }

  static void parties(String label, List<Party> parties, RichText.Builder t) {
    if (parties.isEmpty()) {
      return;
    }
    t.text(label);
    for (int i = 0; i < parties.size(); i++) {
      t.text(i == 0 ? "" : ", ");
      parties.get(i).addTo(t);
    }
  }

  static void runbooks(Pipeline p, RichText.Builder t, String before) {
    for (int i = 0; i < p.runbooks().size(); i++) {
      t.text(before)
          .link(p.runbooks().size() == 1 ? "Runbook" : "Runbook " + (i + 1), p.runbooks().get(i));
    }
  }

  /** An instant as people read it in a message: {@code 2026-11-23 02:00 UTC}. */
  static String time(Instant at) {
    return TIME.format(at);
  }
}
