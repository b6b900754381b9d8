-- Silences (/silence and the configuration's maintenance windows) and snoozed alerts (/snooze).
-- A configured window is stored when it first becomes active, once per occurrence (window_key),
-- so it has a number, can be listed and lifted like one set from chat, and its quiet summary is
-- posted once.
CREATE TABLE silences (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  match_text   TEXT    NOT NULL,
  starts_at    INTEGER NOT NULL,
  ends_at      INTEGER NOT NULL,
  reason       TEXT    NOT NULL,
  created_by   TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  quiet        INTEGER NOT NULL,
  include_high INTEGER NOT NULL,
  window_key   TEXT    UNIQUE,
  ended_at     INTEGER,
  ended_by     TEXT,
  summarised_at INTEGER
);
CREATE INDEX silences_by_end ON silences (ends_at);

-- Each alert a silence caught: still stored, deduplicated and in the log book; quiet ones were not
-- posted and are counted in the silence's summary.
CREATE TABLE silenced_alerts (
  alert_id   INTEGER PRIMARY KEY REFERENCES alerts (id),
  silence_id INTEGER NOT NULL REFERENCES silences (id),
  quiet      INTEGER NOT NULL
);
CREATE INDEX silenced_alerts_by_silence ON silenced_alerts (silence_id);

-- Who did what to which silence, and when: created, unsilenced, summarised.
CREATE TABLE silence_audit (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  silence_id INTEGER NOT NULL REFERENCES silences (id),
  event      TEXT    NOT NULL,
  actor      TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  detail     TEXT    NOT NULL
);

-- One snooze per alert (a second /snooze replaces it); returned_at is set when its time was up
-- and it came back (or was found resolved), in the transaction that queued the message.
CREATE TABLE snoozes (
  alert_id     INTEGER PRIMARY KEY REFERENCES alerts (id),
  until        INTEGER NOT NULL,
  snoozed_by   TEXT    NOT NULL,
  snoozed_at   INTEGER NOT NULL,
  returned_at  INTEGER
);
CREATE INDEX snoozes_by_until ON snoozes (until);
