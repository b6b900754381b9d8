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
