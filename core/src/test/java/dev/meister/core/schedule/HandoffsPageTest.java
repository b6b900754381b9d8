package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Resolution;
import dev.meister.core.filing.ResolutionStore;
import dev.meister.core.handoff.EpicMove;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.handoff.HandoffStore;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.web.HandoffsPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The hand-off history page model, over the {@link Rotations#hausmeister()} fixture. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandoffsPageTest {
  private static final RotationId HAUS = RotationId.of("hausmeister");

  /** Monday 16 Nov 2026 11:00 Berlin: alice hands the primary to bob. */
  private static final Instant MONDAY = Instant.parse("2026-11-16T10:00:00Z");

  /** Friday 20 Nov 2026 17:00 Berlin: bob hands to the weekend's fiona. */
  private static final Instant FRIDAY = Instant.parse("2026-11-20T16:00:00Z");

  private static final Team TEAM =
      new Team(
          List.of(
              member("alice", "Alice"),
              member("bob", "Bob"),
              member("fiona", "Fiona"),
              member("dora", "Dora")));

  private final Handoffs store = new Handoffs();
  private final Resolutions resolutions = new Resolutions();

  @Test
  void a_complete_hand_off_shows_who_handed_to_whom_and_when_each_side_confirmed() {
    store.save(
        HandoffRecord.announced(HAUS, Position.PRIMARY, MONDAY, id("alice"), id("bob"))
            .confirmedByOutgoing(MONDAY.plusSeconds(600), "db migration half done")
            .acceptedByIncoming(MONDAY.plusSeconds(1800))
            .withEpic(EpicMove.pending(MONDAY.plusSeconds(1800)).done()));

    HandoffsPage.Row row = page(List.of()).rotations().get(0).rows().get(0);

    assertThat(row.position()).isEqualTo("Primary");
    assertThat(row.boundary()).isEqualTo("Mon 16 Nov 11:00 CET");
    assertThat(row.kind()).isEqualTo("back from the weekend");
    assertThat(row.from()).isEqualTo("Alice");
    assertThat(row.to()).isEqualTo("Bob");
    assertThat(row.complete()).isTrue();
    assertThat(row.state()).isEqualTo("complete");
    assertThat(row.handedOver()).contains("Mon 16 Nov 11:10 CET");
    assertThat(row.accepted()).contains("Mon 16 Nov 11:30 CET");
    assertThat(row.reminded()).isEmpty();
    assertThat(row.escalated()).isEmpty();
    assertThat(row.epic()).contains("done");
    assertThat(row.notes()).contains("db migration half done");
  }

  @Test
  void an_unconfirmed_hand_off_shows_the_reminder_and_the_team_leads_escalation() {
    store.save(
        HandoffRecord.announced(HAUS, Position.PRIMARY, FRIDAY, id("bob"), id("fiona"))
            .confirmedByOutgoing(FRIDAY.plusSeconds(60), null)
            .reminded(FRIDAY.plusSeconds(3600))
            .escalated(FRIDAY.plusSeconds(7200)));

    HandoffsPage.Row row = page(List.of()).rotations().get(0).rows().get(0);

    assertThat(row.kind()).isEqualTo("to the weekend");
    assertThat(row.complete()).isFalse();
    assertThat(row.state()).isEqualTo("waiting for Fiona to accept");
    assertThat(row.accepted()).isEmpty();
    assertThat(row.reminded()).contains("Fri 20 Nov 18:00 CET");
    assertThat(row.escalated()).contains("Fri 20 Nov 19:00 CET");
    assertThat(row.notes()).isEmpty();
  }

  @Test
  void newest_first_with_level_2_named_as_such() {
    store.save(HandoffRecord.announced(HAUS, Position.PRIMARY, MONDAY, id("alice"), id("bob")));
    store.save(HandoffRecord.announced(HAUS, Position.SECONDARY, FRIDAY, id("dora"), id("dora")));

    List<HandoffsPage.Row> rows = page(List.of()).rotations().get(0).rows();

    assertThat(rows).extracting(HandoffsPage.Row::position).containsExactly("Level 2", "Primary");
    assertThat(rows.get(1).state()).isEqualTo("waiting for both");
  }

  @Test
  void what_was_open_is_every_alert_received_before_the_boundary_and_not_yet_resolved() {
    store.save(HandoffRecord.announced(HAUS, Position.PRIMARY, FRIDAY, id("bob"), id("fiona")));
    Alert stillOpen = alert(1, "Build fail - a", FRIDAY.minusSeconds(7200), HAUS);
    Alert fixedBefore = alert(2, "Build fail - b", FRIDAY.minusSeconds(7200), HAUS);
    Alert fixedAfter = alert(3, "Build fail - c", FRIDAY.minusSeconds(3600), HAUS);
    Alert later = alert(4, "Build fail - d", FRIDAY.plusSeconds(60), HAUS);
    Alert elsewhere = alert(5, "Build fail - e", FRIDAY.minusSeconds(60), RotationId.of("other"));
    resolutions.resolve(resolution(fixedBefore, FRIDAY.minusSeconds(60)));
    resolutions.resolve(resolution(fixedAfter, FRIDAY.plusSeconds(60)));

    HandoffsPage.Row row =
        page(List.of(later, elsewhere, fixedAfter, fixedBefore, stillOpen))
            .rotations()
            .get(0)
            .rows()
            .get(0);

    assertThat(row.open()).containsExactly("#3 Build fail - c", "#1 Build fail - a");
    assertThat(row.openCount()).isEqualTo(2);
  }

  @Test
  void at_most_five_open_alerts_are_named_and_all_are_counted() {
    store.save(HandoffRecord.announced(HAUS, Position.PRIMARY, FRIDAY, id("bob"), id("fiona")));
    List<Alert> alerts = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      alerts.add(alert(i, "Build fail - " + i, FRIDAY.minusSeconds(60L * i), HAUS));
    }

    HandoffsPage.Row row = page(alerts).rotations().get(0).rows().get(0);

    assertThat(row.open()).hasSize(5);
    assertThat(row.openCount()).isEqualTo(7);
  }

  @Test
  void a_rotation_filter_keeps_that_rotation_only() {
    HandoffsPage page =
        HandoffsPage.of(
            List.of(Rotations.hausmeister(), Rotations.dagmeister()),
            Optional.of("dagmeister"),
            store,
            List.of(),
            resolutions,
            TEAM);

    assertThat(page.rotations()).extracting(HandoffsPage.History::id).containsExactly("dagmeister");
    assertThat(page.rotations().get(0).rows()).isEmpty();
  }

  private HandoffsPage page(List<Alert> alerts) {
    return HandoffsPage.of(
        List.of(Rotations.hausmeister()), Optional.empty(), store, alerts, resolutions, TEAM);
  }

  private static MemberId id(String id) {
    return MemberId.of(id);
  }

  private static Member member(String id, String name) {
    return new Member(
        MemberId.of(id), name, new ChatIdentities(null, null, null, null), null, Set.of());
  }

  private static Alert alert(long id, String title, Instant at, RotationId rotation) {
    return new Alert(
        new AlertId(id),
        "github:" + id,
        "gh:" + title,
        rotation,
        "builds",
        AlertPriority.NONE,
        title,
        at,
        at,
        GitHubRun.builder("cryptokaizen/cmamp").runId(id).branch("master").build());
  }

  private static Resolution resolution(Alert a, Instant at) {
    return new Resolution(a.storedId(), "flaky test", "retried", "bob", at);
  }

  /** The store's contract: one record per rotation, position and boundary; newest first. */
  private static final class Handoffs implements HandoffStore {
    private final List<HandoffRecord> records = new ArrayList<>();

    @Override
    public void save(HandoffRecord record) {
      records.removeIf(
          r ->
              r.rotation().equals(record.rotation())
                  && r.position() == record.position()
                  && r.boundary().equals(record.boundary()));
      records.add(record);
    }

    @Override
    public Optional<HandoffRecord> find(RotationId rotation, Position position, Instant boundary) {
      return records.stream()
          .filter(
              r ->
                  r.rotation().equals(rotation)
                      && r.position() == position
                      && r.boundary().equals(boundary))
          .findFirst();
    }

    @Override
    public List<HandoffRecord> history(RotationId rotation, int limit) {
      return records.stream()
          .filter(r -> r.rotation().equals(rotation))
          .sorted(Comparator.comparing(HandoffRecord::boundary).reversed())
          .limit(limit)
          .toList();
    }

    @Override
    public List<HandoffRecord> epicMovesPending() {
      return List.of();
    }
  }

  private static final class Resolutions implements ResolutionStore {
    private final Map<AlertId, Resolution> byAlert = new HashMap<>();

    @Override
    public void resolve(Resolution resolution) {
      byAlert.put(resolution.alert(), resolution);
    }

    @Override
    public Optional<Resolution> resolutionOf(AlertId alert) {
      return Optional.ofNullable(byAlert.get(alert));
    }
  }
}
