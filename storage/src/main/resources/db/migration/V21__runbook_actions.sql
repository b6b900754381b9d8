-- Version 21: runbook actions from chat (#14): clear, mark success, re-run, pause, with approval.
-- A request is stored before anything is sent to Airflow or GitHub, and each of its steps is
-- written in the transaction that queues its chat message, beside its line in the audit trail.

CREATE TABLE action_requests (
  id               INTEGER PRIMARY KEY,
  alert_id         INTEGER NOT NULL REFERENCES alerts (id),
  -- The ActionKind, e.g. MARK_SUCCESS.
  action           TEXT    NOT NULL,
  -- The target: a DAG run on an Airflow instance (task optional) or a GitHub workflow run.
  side             TEXT    NOT NULL CHECK (side IN ('AIRFLOW', 'GITHUB')),
  airflow          TEXT,
  dag_id           TEXT,
  task_id          TEXT,
  repo             TEXT,
  -- The DAG run id, or the workflow run's number as text.
  run_id           TEXT    NOT NULL,
  requested_by     TEXT    NOT NULL,
  -- Where its preview, approval request and result are posted.
  platform         TEXT    NOT NULL,
  chat_id          TEXT    NOT NULL,
  thread_id        TEXT    NOT NULL DEFAULT '',
  message_id       TEXT    NOT NULL,
  state            TEXT    NOT NULL CHECK (state IN ('REQUESTED', 'PREVIEWED', 'APPROVAL_PENDING',
                     'APPROVED', 'EXECUTING', 'DONE', 'FAILED', 'CANCELLED', 'DENIED', 'EXPIRED')),
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  -- Who may approve, member ids comma-separated (ids never contain a comma); '' when nobody needs to.
  approvers        TEXT    NOT NULL DEFAULT '',
  approval         TEXT    NOT NULL DEFAULT '',
  -- Lines of the preview and of the result, newline-separated.
  preview_summary  TEXT,
  preview_items    TEXT,
  approved_by      TEXT,
  result_summary   TEXT,
  result_items     TEXT,
  error            TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  not_before       INTEGER NOT NULL
);
CREATE INDEX action_requests_due ON action_requests (state, not_before);
CREATE INDEX action_requests_expiry ON action_requests (state, expires_at);
CREATE INDEX action_requests_alert ON action_requests (alert_id);

-- Every step of every request: who did what and when. Written alongside the step, never changed.
CREATE TABLE action_audit (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES action_requests (id),
  alert_id    INTEGER NOT NULL,
  action      TEXT    NOT NULL,
  target      TEXT    NOT NULL,
  event       TEXT    NOT NULL,
  actor       TEXT,
  at          INTEGER NOT NULL,
  detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX action_audit_request ON action_audit (request_id);
