-- Meister schema, version 1. Instants are epoch milliseconds (UTC) in INTEGER columns, enums are
-- TEXT, and ids are INTEGER keys, so the same statements run on SQLite and PostgreSQL (where
-- "INTEGER PRIMARY KEY" becomes an identity column in the PostgreSQL migrations).

-- Overrides, swaps and unavailability share one table so that one id removes any of them.
CREATE TABLE schedule_changes (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL CHECK (kind IN ('override', 'swap', 'unavailability')),
  rotation      TEXT,
  position      TEXT,
  member        TEXT,
  other_member  TEXT,
  start_at      INTEGER,
  end_at        INTEGER,
  first_day     TEXT,
  last_day      TEXT,
  reason        TEXT,
  created_at    INTEGER NOT NULL
);
CREATE INDEX schedule_changes_rotation ON schedule_changes (kind, rotation, end_at);

CREATE TABLE alerts (
  id           INTEGER PRIMARY KEY,
  dedup_key    TEXT    NOT NULL UNIQUE,
  source       TEXT    NOT NULL,
  fingerprint  TEXT    NOT NULL,
  rotation     TEXT,
  priority     TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  received_at  INTEGER NOT NULL,
  attributes   TEXT    NOT NULL
);
CREATE INDEX alerts_fingerprint ON alerts (fingerprint, received_at);
CREATE INDEX alerts_received ON alerts (received_at);

-- The first acknowledgement wins; later ones are answered, not stored.
CREATE TABLE acknowledgements (
  alert_id  INTEGER PRIMARY KEY REFERENCES alerts (id),
  member    TEXT    NOT NULL,
  acked_at  INTEGER NOT NULL,
  channel   TEXT    NOT NULL
);

-- Which chat messages belong to which alert, so replies find their alert after a restart.
CREATE TABLE message_links (
  platform    TEXT    NOT NULL,
  chat_id     TEXT    NOT NULL,
  message_id  TEXT    NOT NULL,
  thread_id   TEXT    NOT NULL DEFAULT '',
  alert_id    INTEGER NOT NULL REFERENCES alerts (id),
  PRIMARY KEY (platform, chat_id, message_id)
);
CREATE INDEX message_links_alert ON message_links (alert_id);

CREATE TABLE issue_links (
  alert_id   INTEGER NOT NULL REFERENCES alerts (id),
  repo       TEXT    NOT NULL,
  number     INTEGER NOT NULL,
  url        TEXT    NOT NULL,
  linked_at  INTEGER NOT NULL,
  filed      INTEGER NOT NULL,
  PRIMARY KEY (alert_id)
);
CREATE INDEX issue_links_issue ON issue_links (repo, number);

CREATE TABLE handoffs (
  rotation               TEXT    NOT NULL,
  position               TEXT    NOT NULL,
  boundary               INTEGER NOT NULL,
  outgoing               TEXT    NOT NULL,
  incoming               TEXT    NOT NULL,
  outgoing_confirmed_at  INTEGER,
  incoming_confirmed_at  INTEGER,
  notes                  TEXT,
  PRIMARY KEY (rotation, position, boundary)
);

-- Chat messages waiting for delivery (the transactional outbox). Rows stay after delivery for
-- inspection; state is 'pending', 'delivered' or 'failed'.
CREATE TABLE outbox (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT    NOT NULL,
  platform           TEXT    NOT NULL,
  chat_id            TEXT    NOT NULL,
  thread_id          TEXT    NOT NULL DEFAULT '',
  target_message_id  TEXT,
  alert_id           INTEGER REFERENCES alerts (id),
  body               TEXT    NOT NULL,
  state              TEXT    NOT NULL,
  attempts           INTEGER NOT NULL DEFAULT 0,
  not_before         INTEGER NOT NULL,
  created_at         INTEGER NOT NULL,
  finished_at        INTEGER,
  sent_message_id    TEXT,
  last_error         TEXT
);
CREATE INDEX outbox_pending ON outbox (state, not_before, id);
CREATE INDEX outbox_chat ON outbox (platform, chat_id, thread_id, state, id);
