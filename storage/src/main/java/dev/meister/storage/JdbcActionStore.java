package dev.meister.storage;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionRequest;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionState;
import dev.meister.core.action.ActionStore;
import dev.meister.core.action.ActionTarget;
import dev.meister.core.action.AuditEntry;
import dev.meister.core.action.AuditEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.MemberId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runbook action requests in {@code action_requests}, their audit trail in {@code action_audit}.
 */
public final class JdbcActionStore implements ActionStore {
  private static final String EXPIRING = "('REQUESTED', 'PREVIEWED', 'APPROVAL_PENDING')";

  private final Database db;
  private final Listeners<Long> ready;

  public JdbcActionStore(Database db) {
    this.db = db;
    this.ready = new Listeners<>(db);
  }

  /**
   * Calls {@code listener} with the id of every request that has work for the worker (a new one to
   * preview, an approved one to execute), once the transaction that made it so has committed.
   */
  public Subscription onReady(Consumer<Long> listener) {
    return ready.add(listener);
  }

  @Override
  public ActionRequest add(ActionRequest r) {
    return db.transaction(
        "storing a " + r.kind().command() + " request for alert " + r.alert(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO action_requests (alert_id, action, side, airflow, dag_id, task_id,"
                      + " repo, run_id, requested_by, platform, chat_id, thread_id, message_id,"
                      + " state, created_at, expires_at, approvers, approval, not_before)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, r.alert().value());
            ps.setString(2, r.kind().name());
            if (r.target() instanceof ActionTarget.AirflowRun a) {
              ps.setString(3, "AIRFLOW");
              ps.setString(4, a.instance());
              ps.setString(5, a.dagId());
              Sql.setText(ps, 6, a.task().orElse(null));
              Sql.setText(ps, 7, null);
              ps.setString(8, a.runId());
            } else {
              ActionTarget.WorkflowRun w = (ActionTarget.WorkflowRun) r.target();
              ps.setString(3, "GITHUB");
              Sql.setText(ps, 4, null);
              Sql.setText(ps, 5, null);
              Sql.setText(ps, 6, null);
              ps.setString(7, w.repo());
              ps.setString(8, Long.toString(w.runId()));
            }
            ps.setString(9, r.requestedBy().value());
            ChatRef chat = r.answerUnder().chat();
            ps.setString(10, chat.platform().name());
            ps.setString(11, chat.chatId());
            ps.setString(12, chat.threadId() == null ? "" : chat.threadId());
            ps.setString(13, r.answerUnder().messageId());
            ps.setString(14, r.state().name());
            ps.setLong(15, r.createdAt().toEpochMilli());
            ps.setLong(16, r.expiresAt().toEpochMilli());
            ps.setString(17, ids(r.approvers()));
            ps.setString(18, r.approval());
            ps.setLong(19, r.notBefore().toEpochMilli());
            long id = Sql.returnedId(ps);
            if (r.state() == ActionState.REQUESTED) {
              ready.tellAfterCommit(id);
            }
            return find(c, id).orElseThrow(() -> new SQLException("request vanished after insert"));
          }
        });
  }

  @Override
  public Optional<ActionRequest> find(long id) {
    return db.transaction("reading action request " + id, c -> find(c, id));
  }

  private static Optional<ActionRequest> find(Connection c, long id) throws SQLException {
    List<ActionRequest> found = query(c, "SELECT * FROM action_requests WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public boolean move(ActionState from, ActionRequest next) {
    return db.transaction(
        "moving action request " + next.id() + " to " + next.state(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE action_requests SET state = ?, preview_summary = ?, preview_items = ?,"
                      + " approved_by = ?, result_summary = ?, result_items = ?, error = ?,"
                      + " attempts = ?, not_before = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, next.state().name());
            Sql.setText(ps, 2, next.preview().map(ActionPreview::summary).orElse(null));
            Sql.setText(ps, 3, next.preview().map(p -> lines(p.items())).orElse(null));
            Sql.setText(ps, 4, next.approvedBy().map(MemberId::value).orElse(null));
            Sql.setText(ps, 5, next.result().map(ActionResult::summary).orElse(null));
            Sql.setText(ps, 6, next.result().map(r -> lines(r.items())).orElse(null));
            Sql.setText(ps, 7, next.error().orElse(null));
            ps.setInt(8, next.attempts());
            ps.setLong(9, next.notBefore().toEpochMilli());
            ps.setLong(10, next.id());
            ps.setString(11, from.name());
            boolean moved = ps.executeUpdate() == 1;
            if (moved && next.state() == ActionState.APPROVED) {
              ready.tellAfterCommit(next.id());
            }
            return moved;
          }
        });
  }

  @Override
  public List<ActionRequest> due(Instant now, int limit) {
    return db.transaction(
        "reading due action requests",
        c ->
            query(
                c,
                "SELECT * FROM action_requests WHERE state IN ('REQUESTED', 'APPROVED')"
                    + " AND not_before <= ? ORDER BY not_before, id LIMIT ?",
                now.toEpochMilli(),
                limit));
  }

  @Override
  public List<ActionRequest> inState(ActionState state) {
    return db.transaction(
        "reading " + state + " action requests",
        c -> query(c, "SELECT * FROM action_requests WHERE state = ? ORDER BY id", state.name()));
  }

  @Override
  public List<ActionRequest> expired(Instant now, int limit) {
    return db.transaction(
        "reading expired action requests",
        c ->
            query(
                c,
                "SELECT * FROM action_requests WHERE state IN "
                    + EXPIRING
                    + " AND expires_at <= ? ORDER BY expires_at, id LIMIT ?",
                now.toEpochMilli(),
                limit));
  }

  @Override
  public Optional<Instant> nextExpiry() {
    return db.transaction(
        "reading the next expiry of action requests",
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT MIN(expires_at) FROM action_requests WHERE state IN " + EXPIRING)) {
            if (!rs.next()) {
              return Optional.empty();
            }
            long at = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
          }
        });
  }

  @Override
  public List<ActionRequest> forAlert(AlertId alert) {
    return db.transaction(
        "reading the action requests of alert " + alert,
        c ->
            query(
                c, "SELECT * FROM action_requests WHERE alert_id = ? ORDER BY id", alert.value()));
  }

  @Override
  public void audit(AuditEntry e) {
    db.execute(
        "auditing " + e.event().word() + " of action request " + e.request(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO action_audit (request_id, alert_id, action, target, event, actor,"
                      + " at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.request());
            ps.setLong(2, e.alert().value());
            ps.setString(3, e.kind().name());
            ps.setString(4, e.target());
            ps.setString(5, e.event().name());
            Sql.setText(ps, 6, e.by().map(MemberId::value).orElse(null));
            ps.setLong(7, e.at().toEpochMilli());
            ps.setString(8, e.detail());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public List<AuditEntry> latestAudit(int limit) {
    return db.transaction(
        "reading the audit trail",
        c -> audit(c, "SELECT * FROM action_audit ORDER BY id DESC LIMIT " + limit));
  }

  @Override
  public List<AuditEntry> allAudit() {
    return db.transaction(
        "reading the whole audit trail", c -> audit(c, "SELECT * FROM action_audit ORDER BY id"));
  }

  private static List<AuditEntry> audit(Connection c, String sql) throws SQLException {
    List<AuditEntry> entries = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String actor = rs.getString("actor");
        entries.add(
            new AuditEntry(
                rs.getLong("id"),
                rs.getLong("request_id"),
                new AlertId(rs.getLong("alert_id")),
                ActionKind.valueOf(Sql.requiredText(rs, "action")),
                Sql.requiredText(rs, "target"),
                AuditEvent.valueOf(Sql.requiredText(rs, "event")),
                actor == null ? Optional.empty() : Optional.of(MemberId.of(actor)),
                Instant.ofEpochMilli(rs.getLong("at")),
                Sql.requiredText(rs, "detail")));
      }
    }
    return entries;
  }

  private static List<ActionRequest> query(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<ActionRequest> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
      return found;
    }
  }

  private static ActionRequest read(ResultSet rs) throws SQLException {
    String thread = rs.getString("thread_id");
    MessageRef under =
        new MessageRef(
            new ChatRef(
                Platform.valueOf(Sql.requiredText(rs, "platform")),
                Sql.requiredText(rs, "chat_id"),
                thread == null || thread.isEmpty() ? null : thread),
            Sql.requiredText(rs, "message_id"));
    String previewSummary = rs.getString("preview_summary");
    String resultSummary = rs.getString("result_summary");
    String approvedBy = rs.getString("approved_by");
    return new ActionRequest(
        rs.getLong("id"),
        new AlertId(rs.getLong("alert_id")),
        ActionKind.valueOf(Sql.requiredText(rs, "action")),
        target(rs),
        MemberId.of(Sql.requiredText(rs, "requested_by")),
        under,
        ActionState.valueOf(Sql.requiredText(rs, "state")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")),
        members(Sql.requiredText(rs, "approvers")),
        Sql.requiredText(rs, "approval"),
        previewSummary == null
            ? Optional.empty()
            : Optional.of(new ActionPreview(items(rs.getString("preview_items")), previewSummary)),
        approvedBy == null ? Optional.empty() : Optional.of(MemberId.of(approvedBy)),
        resultSummary == null
            ? Optional.empty()
            : Optional.of(new ActionResult(items(rs.getString("result_items")), resultSummary)),
        Optional.ofNullable(rs.getString("error")),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("not_before")));
  }

  private static ActionTarget target(ResultSet rs) throws SQLException {
    String run = Sql.requiredText(rs, "run_id");
    if (Sql.requiredText(rs, "side").equals("AIRFLOW")) {
      return new ActionTarget.AirflowRun(
          Sql.requiredText(rs, "airflow"),
          Sql.requiredText(rs, "dag_id"),
          run,
          Optional.ofNullable(rs.getString("task_id")));
    }
    return new ActionTarget.WorkflowRun(Sql.requiredText(rs, "repo"), Long.parseLong(run));
  }

  private static String ids(List<MemberId> members) {
    return String.join(",", members.stream().map(MemberId::value).toList());
  }

  private static List<MemberId> members(String ids) {
    return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(MemberId::of).toList();
  }

  /** Items are one line each; a line break inside one would split it, so it becomes a space. */
  private static String lines(List<String> items) {
    return String.join("\n", items.stream().map(i -> i.replace('\n', ' ')).toList());
  }

  private static List<String> items(@Nullable String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }
}
