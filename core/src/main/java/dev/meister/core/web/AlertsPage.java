package dev.meister.core.web;

import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.escalation.Escalation;
import dev.meister.core.escalation.EscalationStore;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueLinkStore;
import dev.meister.core.filing.Resolution;
import dev.meister.core.filing.ResolutionStore;
import dev.meister.core.schedule.TimeFormat;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Alerts" page: the latest alerts, open first, each with its state (acknowledged by whom and
 * when, escalated, filed as #N, resolved) and a link to its run; filtered by rotation and source.
 *
 * @param rotation the filter, empty for all
 * @param source the filter ({@code github} or {@code airflow}), empty for all
 */
public record AlertsPage(
    Optional<String> rotation, Optional<String> source, List<Row> open, List<Row> closed) {
  public static final int RECENT = 200;

  public AlertsPage {
    open = List.copyOf(open);
    closed = List.copyOf(closed);
  }

  /**
   * One alert.
   *
   * @param acked "Bob Stone at Mon 30 Nov 11:00 UTC", empty when nobody has
   * @param escalated to whom and when, empty when not escalated
   * @param issue the filed issue's number and address
   * @param resolved the reason and solution, empty while open
   */
  public record Row(
      long id,
      String title,
      String rotation,
      String source,
      String received,
      String runUrl,
      Optional<String> acked,
      Optional<String> escalated,
      Optional<Issue> issue,
      Optional<String> resolved) {}

  /** A GitHub issue an alert was filed as or linked to. */
  public record Issue(int number, String url) {}

  /** The ports the page reads. */
  public record Stores(
      AlertStore alerts,
      EscalationStore escalations,
      IssueLinkStore issues,
      ResolutionStore resolutions) {}

  public static AlertsPage of(
      Stores stores, Team team, Optional<String> rotation, Optional<String> source) {
    List<Row> open = new ArrayList<>();
    List<Row> closed = new ArrayList<>();
    for (Alert a : stores.alerts().recent(RECENT)) {
      if (!matches(a, rotation, source)) {
        continue;
      }
      Row row = row(stores, team, a);
      (row.resolved().isPresent() ? closed : open).add(row);
    }
    return new AlertsPage(rotation, source, open, closed);
  }

  static boolean matches(Alert a, Optional<String> rotation, Optional<String> source) {
    boolean r =
        rotation.isEmpty()
            || a.routedRotation().map(id -> id.value().equals(rotation.get())).orElse(false);
    return r && (source.isEmpty() || sourceOf(a).equals(source.get()));
  }

  static String sourceOf(Alert a) {
    return a.source() == AlertSource.AIRFLOW ? "airflow" : "github";
  }

  private static Row row(Stores s, Team team, Alert a) {
    ZoneId utc = ZoneId.of("UTC");
    Optional<Acknowledgement> ack = s.alerts().acknowledgement(a.storedId());
    Optional<Escalation> esc = s.escalations().escalationOf(a.storedId());
    Optional<IssueLink> link = s.issues().issueFor(a.storedId());
    Optional<Resolution> res = s.resolutions().resolutionOf(a.storedId());
    return new Row(
        a.storedId().value(),
        a.title(),
        a.routedRotation().map(id -> id.value()).orElse(""),
        sourceOf(a),
        TimeFormat.at(a.receivedAt(), utc),
        a.origin().pageUrl().orElse(""),
        ack.map(k -> name(team, k.member()) + " at " + TimeFormat.at(k.at(), utc)),
        esc.map(
            e ->
                "to "
                    + String.join(", ", e.to().stream().map(m -> name(team, m)).toList())
                    + " by "
                    + name(team, e.by())
                    + " at "
                    + TimeFormat.at(e.at(), utc)
                    + e.note().map(n -> ": " + n).orElse("")),
        link.map(l -> new Issue(l.issue().number(), l.issue().url())),
        res.map(r -> r.reason() + " → " + r.solution() + " (" + r.by() + ")"));
  }

  static String name(Team team, MemberId id) {
    return team.find(id).map(m -> m.displayName()).orElse(id.value());
  }

  /** The filter as the page's query string shows it, lower case. */
  public static Optional<String> filter(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}
