-- Version 4: the timed work of the hand-off handshake, escalations, "fix it or revert", schedule
-- change requests from chat and pipeline SLA checks. Each row records that a timed step was done;
-- it is written in the same transaction as the chat message the step queues, so after a restart
-- nothing is lost and nothing is sent twice.

ALTER TABLE handoffs ADD COLUMN reminded_at INTEGER;
ALTER TABLE handoffs ADD COLUMN escalated_at INTEGER;
-- Moving the rotation's epic on GitHub: 'none', 'pending', 'done' or 'failed'.
ALTER TABLE handoffs ADD COLUMN epic_state TEXT NOT NULL DEFAULT 'none';
ALTER TABLE handoffs ADD COLUMN epic_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE handoffs ADD COLUMN epic_next_at INTEGER;
ALTER TABLE handoffs ADD COLUMN epic_error TEXT;
CREATE INDEX handoffs_open ON handoffs (epic_state, boundary);

-- Follow-ups sent about one alert: escalation steps and fix-or-revert reminders, numbered.
CREATE TABLE alert_followups (
  alert_id  INTEGER NOT NULL REFERENCES alerts (id),
  kind      TEXT    NOT NULL CHECK (kind IN ('escalation', 'fix_or_revert')),
  step      INTEGER NOT NULL,
  done_at   INTEGER NOT NULL,
  PRIMARY KEY (alert_id, kind, step)
);

-- /override and /swap asked in chat, waiting for the other person's answer.
CREATE TABLE schedule_requests (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL CHECK (kind IN ('override', 'swap')),
  rotation      TEXT    NOT NULL,
  requester     TEXT    NOT NULL,
  other_member  TEXT    NOT NULL,
  covered       TEXT,
  start_at      INTEGER NOT NULL,
  end_at        INTEGER NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'expired')),
  created_at    INTEGER NOT NULL,
  decided_at    INTEGER,
  change_id     INTEGER
);
CREATE INDEX schedule_requests_pending ON schedule_requests (state, created_at);

-- One row per pipeline and SLA deadline that was checked.
CREATE TABLE sla_checks (
  pipeline    TEXT    NOT NULL,
  due_at      INTEGER NOT NULL,
  checked_at  INTEGER NOT NULL,
  met         INTEGER NOT NULL,
  detail      TEXT    NOT NULL,
  PRIMARY KEY (pipeline, due_at)
);
