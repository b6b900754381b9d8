-- Version 16: escalating by hand (seed 001, "escalating") and the one "still on it?" nudge.
-- Both rows are written in the transaction that queues their chat message, so neither the tag nor
-- the nudge is lost or sent twice.

-- Who pulled in help for an alert, to whom, when and why: one escalation per alert.
CREATE TABLE alert_escalations (
  alert_id      INTEGER PRIMARY KEY REFERENCES alerts (id),
  escalated_by  TEXT    NOT NULL,
  level         TEXT    NOT NULL CHECK (level IN ('LEVEL_2', 'TEAM_LEAD')),
  -- The member ids tagged, comma-separated (member ids never contain a comma).
  escalated_to  TEXT    NOT NULL,
  note          TEXT,
  escalated_at  INTEGER NOT NULL
);
CREATE INDEX alert_escalations_at ON alert_escalations (escalated_at);

-- Acknowledged alerts whose acknowledger was asked "still on it?".
CREATE TABLE ack_nudges (
  alert_id   INTEGER PRIMARY KEY REFERENCES alerts (id),
  nudged_at  INTEGER NOT NULL
);
CREATE INDEX acknowledgements_at ON acknowledgements (acked_at);

-- /issue new: problems reported in chat, not from an alert (seed 001, triage), queued for GitHub
-- like issue_requests and, once filed, part of their rotation's open work.
CREATE TABLE issue_reports (
  id            INTEGER PRIMARY KEY,
  rotation      TEXT    NOT NULL,
  title         TEXT    NOT NULL,
  priority      TEXT,
  requested_by  TEXT    NOT NULL,
  platform      TEXT    NOT NULL,
  chat_id       TEXT    NOT NULL,
  thread_id     TEXT    NOT NULL DEFAULT '',
  message_id    TEXT    NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('pending', 'filed', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  not_before    INTEGER NOT NULL,
  error         TEXT,
  repo          TEXT,
  number        INTEGER,
  url           TEXT,
  created_at    INTEGER NOT NULL,
  done_at       INTEGER,
  -- The outbox entry of the "Filed #N" answer: /resolve in reply to it finds the report.
  answer_entry  INTEGER REFERENCES outbox (id),
  -- /resolve on that answer, as resolutions holds it for alerts.
  reason        TEXT,
  solution      TEXT,
  resolved_by   TEXT,
  resolved_at   INTEGER
);
CREATE INDEX issue_reports_due ON issue_reports (state, not_before);
CREATE INDEX issue_reports_rotation ON issue_reports (rotation, state);
