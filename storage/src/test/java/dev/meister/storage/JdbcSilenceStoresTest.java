package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AlertMatch;
import dev.meister.core.chat.AlertId;
import dev.meister.core.silence.Silence;
import dev.meister.core.silence.SilenceDraft;
import dev.meister.core.silence.SilenceEvent;
import dev.meister.core.silence.SilenceMatches;
import dev.meister.core.silence.Snooze;
import dev.meister.core.team.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The V23 stores on a real SQLite file: silences, the alerts they caught, their audit; snoozes. */
class JdbcSilenceStoresTest extends StorageTestBase {
  private static final Instant END = NOW.plus(Duration.ofHours(2));

  private static SilenceDraft draft(String match, boolean quiet, Optional<String> key) {
    return new SilenceDraft(
        SilenceMatches.parse(List.of(match.split(" "))),
        NOW,
        END,
        "Exchange maintenance",
        "bob",
        NOW,
        quiet,
        false,
        key);
  }

  @Test
  void a_silence_is_read_back_as_written_across_a_restart_and_is_active_until_its_end() {
    Silence created =
        storage
            .silences()
            .create(draft("repo=cryptokaizen/cmamp branch=feature/*", false, Optional.empty()));
    reopen();

    Silence read = storage.silences().find(created.id()).orElseThrow();
    assertThat(read).isEqualTo(created);
    assertThat(SilenceMatches.describe(read.match()))
        .isEqualTo("repo=cryptokaizen/cmamp branch=feature/*");
    assertThat(read.label()).isEqualTo("#1 'Exchange maintenance'");
    assertThat(storage.silences().activeAt(NOW)).containsExactly(read);
    assertThat(storage.silences().activeAt(END.minusMillis(1))).containsExactly(read);
    assertThat(storage.silences().activeAt(END)).isEmpty();
    assertThat(storage.silences().activeAt(NOW.minusMillis(1))).isEmpty();
  }

  @Test
  void a_configured_glob_with_spaces_survives_storage() {
    AlertMatch match =
        new AlertMatch(
            null,
            null,
            dev.meister.core.alert.Glob.of("Fast tests *"),
            null,
            null,
            null,
            List.of("prod", "exchange"),
            null);
    Silence s =
        storage
            .silences()
            .create(
                new SilenceDraft(
                    match, NOW, END, "", "maintenance", NOW, true, true, Optional.empty()));

    assertThat(storage.silences().find(s.id()).orElseThrow().match()).isEqualTo(match);
    assertThat(s.label()).isEqualTo("#1");
  }

  @Test
  void a_window_occurrence_is_stored_once_however_often_it_is_looked_at() {
    Silence first = storage.silences().window(draft("dag=ohlcv_*", true, Optional.of("w@1")));
    Silence again = storage.silences().window(draft("dag=ohlcv_*", true, Optional.of("w@1")));
    Silence next = storage.silences().window(draft("dag=ohlcv_*", true, Optional.of("w@2")));

    assertThat(again).isEqualTo(first);
    assertThat(next.id()).isNotEqualTo(first.id());
    assertThat(storage.silences().audit(first.id())).hasSize(1);
  }

  @Test
  void lifting_ends_it_once_audited_and_a_lifted_or_ended_silence_cannot_be_lifted() {
    Silence s = storage.silences().create(draft("dag=ohlcv_*", false, Optional.empty()));
    Instant later = NOW.plus(Duration.ofMinutes(30));

    assertThat(storage.silences().lift(s.id(), "alice", later)).isTrue();
    assertThat(storage.silences().lift(s.id(), "bob", later.plusSeconds(1))).isFalse();
    Silence other = storage.silences().create(draft("dag=x", false, Optional.empty()));
    assertThat(storage.silences().lift(other.id(), "bob", END)).isFalse();
    reopen();

    Silence lifted = storage.silences().find(s.id()).orElseThrow();
    assertThat(lifted.endsAt()).isEqualTo(later);
    assertThat(lifted.endedBy()).hasValue("alice");
    assertThat(storage.silences().activeAt(later))
        .extracting(Silence::id)
        .containsExactly(other.id());
    assertThat(storage.silences().audit(s.id()))
        .extracting(SilenceEvent::event, SilenceEvent::actor, SilenceEvent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("created", "bob", NOW),
            org.assertj.core.groups.Tuple.tuple("lifted", "alice", later));
  }

  @Test
  void caught_alerts_are_found_and_a_quiet_silence_is_due_for_its_summary_once() {
    Silence quiet = storage.silences().create(draft("dag=ohlcv_*", true, Optional.empty()));
    Silence loud = storage.silences().create(draft("dag=bid_*", false, Optional.empty()));
    AlertId a = storage.alerts().record(alert("1")).id();
    AlertId b = storage.alerts().record(alert("2")).id();
    AlertId c = storage.alerts().record(alert("3")).id();
    storage.silences().caught(a, quiet.id(), true);
    storage.silences().caught(b, quiet.id(), true);
    storage.silences().caught(c, loud.id(), false);
    storage.silences().caught(c, quiet.id(), true); // caught once: the first silence keeps it

    assertThat(storage.silences().silenceOf(a)).map(Silence::id).hasValue(quiet.id());
    assertThat(storage.silences().silenceOf(c)).map(Silence::id).hasValue(loud.id());
    assertThat(storage.silences().quietlyCaught(quiet.id())).containsExactly(a, b);
    assertThat(storage.silences().summariesDue(END.minusMillis(1))).isEmpty();
    assertThat(storage.silences().summariesDue(END))
        .extracting(Silence::id)
        .containsExactly(quiet.id());

    assertThat(storage.silences().summarised(quiet.id(), END)).isTrue();
    assertThat(storage.silences().summarised(quiet.id(), END)).isFalse();
    reopen();
    assertThat(storage.silences().summariesDue(END.plusSeconds(60))).isEmpty();
    assertThat(storage.silences().audit(quiet.id()))
        .last()
        .extracting(SilenceEvent::detail)
        .isEqualTo("2 alerts held back");
  }

  @Test
  void a_lifted_quiet_silence_is_due_for_its_summary_at_once() {
    Silence quiet = storage.silences().create(draft("dag=ohlcv_*", true, Optional.empty()));
    Instant lifted = NOW.plus(Duration.ofMinutes(5));
    storage.silences().lift(quiet.id(), "alice", lifted);

    assertThat(storage.silences().summariesDue(lifted))
        .extracting(Silence::id)
        .containsExactly(quiet.id());
  }

  @Test
  void a_snooze_comes_back_once_and_a_new_snooze_replaces_it() {
    AlertId a = storage.alerts().record(alert("1")).id();
    AlertId b = storage.alerts().record(alert("2")).id();
    MemberId bob = MemberId.of("bob");
    storage.snoozes().snooze(new Snooze(a, END, bob, NOW, Optional.empty()));
    storage.snoozes().snooze(new Snooze(b, END.plusSeconds(60), bob, NOW, Optional.empty()));
    reopen();

    assertThat(storage.snoozes().nextDue()).hasValue(END);
    assertThat(storage.snoozes().dueBy(END.minusMillis(1), 10)).isEmpty();
    assertThat(storage.snoozes().dueBy(END, 10)).extracting(Snooze::alert).containsExactly(a);
    assertThat(storage.snoozes().returned(a, END, END)).isTrue();
    assertThat(storage.snoozes().returned(a, END, END)).isFalse();
    assertThat(storage.snoozes().snoozeOf(a)).flatMap(Snooze::returnedAt).hasValue(END);
    assertThat(storage.snoozes().nextDue()).hasValue(END.plusSeconds(60));

    // Snoozed again: it waits for the new time, and the old one can no longer mark it.
    Instant later = END.plus(Duration.ofHours(1));
    storage.snoozes().snooze(new Snooze(a, later, MemberId.of("alice"), END, Optional.empty()));
    assertThat(storage.snoozes().returned(a, END, later)).isFalse();
    assertThat(storage.snoozes().snoozeOf(a))
        .hasValue(new Snooze(a, later, MemberId.of("alice"), END, Optional.empty()));
    storage.snoozes().returned(b, END.plusSeconds(60), END);
    assertThat(storage.snoozes().nextDue()).hasValue(later);
    storage.snoozes().returned(a, later, later);
    assertThat(storage.snoozes().nextDue()).isEmpty();
  }

  @Test
  void a_silenced_alert_is_no_candidate_for_the_escalation_ladder() {
    Silence s = storage.silences().create(draft("dag=ohlcv_*", false, Optional.empty()));
    AlertId silenced = storage.alerts().record(alert("1")).id();
    AlertId loud = storage.alerts().record(alert("2")).id();
    storage.silences().caught(silenced, s.id(), false);

    assertThat(storage.followUps().unacknowledgedSince(NOW.minusSeconds(1), 10))
        .containsExactly(loud);
  }
}
