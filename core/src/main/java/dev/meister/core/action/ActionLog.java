package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.BreakActions;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail read back: {@code /audit}'s lines, the CSV export, and each alert's actions for
 * its post-mortem entry.
 */
public final class ActionLog implements BreakActions {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ActionStore store;
  private final ActionMessages messages;
  private final Team team;

  public ActionLog(ActionStore store, Team team) {
    this.store = store;
    this.messages = new ActionMessages(team);
    this.team = team;
  }

  /** Executed actions on the alert's run, oldest first: "Cleared 4 … (Bob Stone, approved …)". */
  @Override
  public List<String> actionsOf(AlertId alert) {
    List<String> lines = new ArrayList<>();
    for (ActionRequest r : store.forAlert(alert)) {
      if (r.state() == ActionState.DONE) {
        lines.add(messages.summary(r));
      }
    }
    return lines;
  }

  /**
   * The latest {@code n} audit lines, newest first, e.g. "2026-11-25 09:12 #3 clear … approved".
   */
  public List<String> latest(int n) {
    return store.latestAudit(n).stream().map(this::line).toList();
  }

  /** Every audit line as CSV rows, oldest first, under {@link AuditEntry#COLUMNS}. */
  public List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(AuditEntry.COLUMNS);
    for (AuditEntry e : store.allAudit()) {
      rows.add(e.row());
    }
    return rows;
  }

  private String line(AuditEntry e) {
    return e.at().atZone(ZoneOffset.UTC).format(WHEN)
        + " #"
        + e.request()
        + " "
        + e.kind().command()
        + " on "
        + e.target()
        + " (alert #"
        + e.alert()
        + "): "
        + e.event().word()
        + e.by().map(m -> " by " + name(m)).orElse("")
        + (e.detail().isBlank() ? "" : ": " + e.detail());
  }

  private String name(MemberId id) {
    return team.find(id).map(Member::displayName).orElse(id.value());
  }
}
