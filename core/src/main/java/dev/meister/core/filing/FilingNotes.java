package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.Optional;

/**
 * The alert's notes plus what became of it: the issue it was filed as or linked to, and its
 * resolution once {@code /resolve} logged one. Every edit of the alert renders them, so its
 * messages, and above all its copies in mirror chats where nobody reads the thread, show the state
 * at a glance.
 */
public final class FilingNotes implements AlertNotes {
  private final AlertNotes notes;
  private final IssueLinkStore links;
  private final ResolutionStore resolutions;
  private final Team team;

  public FilingNotes(
      AlertNotes notes, IssueLinkStore links, ResolutionStore resolutions, Team team) {
    this.notes = notes;
    this.links = links;
    this.resolutions = resolutions;
    this.team = team;
  }

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    notes.addTo(alert, text);
    if (alert.id() == null) {
      return; // not stored yet: nothing can have happened to it
    }
    issue(alert)
        .ifPresent(
            link ->
                text.newline()
                    .text(
                        EmojiNames.unicode("memo") + (link.filed() ? " Filed as " : " Linked to "))
                    .link("#" + link.issue().number(), link.issue().url()));
    resolution(alert)
        .ifPresent(
            r ->
                text.newline()
                    .text(
                        EmojiNames.unicode("white_check_mark")
                            // An Airflow task that passed on a later try resolved it by itself.
                            + (r.by().equals(Recoveries.BY)
                                ? " " + r.solution()
                                : " Resolved by "
                                    + name(r.by())
                                    + ": "
                                    + r.reason()
                                    + " → "
                                    + r.solution())));
  }

  @Override
  public void addToNew(Alert alert, RichText.Builder text) {
    notes.addToNew(alert, text); // neither filed nor resolved yet
  }

  @Override
  public boolean silences(Alert alert) {
    return notes.silences(alert);
  }

  @Override
  public boolean silencesNew(Alert alert) {
    return notes.silencesNew(alert);
  }

  @Override
  public boolean filed(Alert alert) {
    return notes.filed(alert) || (alert.id() != null && issue(alert).isPresent());
  }

  @Override
  public boolean resolved(Alert alert) {
    return notes.resolved(alert) || (alert.id() != null && resolution(alert).isPresent());
  }

  private Optional<IssueLink> issue(Alert alert) {
    return links.issueFor(alert.storedId());
  }

  private Optional<Resolution> resolution(Alert alert) {
    return resolutions.resolutionOf(alert.storedId());
  }

  private String name(String memberId) {
    return team.find(new MemberId(memberId)).map(Member::displayName).orElse(memberId);
  }
}
