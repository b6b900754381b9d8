-- Issue filing (GitHub) and the post-mortem log.

-- Requests to file or join an issue, kept until GitHub did it or refused: GitHub is slow and
-- sometimes down, and a request must survive both and a restart. state: pending, done, failed.
CREATE TABLE issue_requests (
  id              INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL,
  alert_id        INTEGER NOT NULL REFERENCES alerts (id),
  issue_number    INTEGER,
  platform        TEXT,
  chat_id         TEXT,
  thread_id       TEXT    NOT NULL DEFAULT '',
  message_id      TEXT,
  requested_by    TEXT    NOT NULL,
  state           TEXT    NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  not_before      INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  finished_at     INTEGER,
  last_error      TEXT
);
CREATE INDEX issue_requests_pending ON issue_requests (state, not_before, id);

-- Issues Meister filed, by root cause, so a later failure with the same cause joins the issue.
CREATE TABLE filed_issues (
  repo         TEXT    NOT NULL,
  number       INTEGER NOT NULL,
  issue_id     INTEGER NOT NULL,
  url          TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  fingerprint  TEXT    NOT NULL,
  filed_at     INTEGER NOT NULL,
  open         INTEGER NOT NULL,
  PRIMARY KEY (repo, number)
);
CREATE INDEX filed_issues_fingerprint ON filed_issues (fingerprint, open, filed_at);

-- Reason and solution of each break (alert), written with /resolve.
CREATE TABLE resolutions (
  alert_id     INTEGER PRIMARY KEY REFERENCES alerts (id),
  reason       TEXT    NOT NULL,
  solution     TEXT    NOT NULL,
  resolved_by  TEXT    NOT NULL,
  resolved_at  INTEGER NOT NULL
);

-- Alerts whose thread was told the build is green again, so it is told once.
CREATE TABLE green_notices (
  alert_id     INTEGER PRIMARY KEY REFERENCES alerts (id),
  success_key  TEXT    NOT NULL,
  noticed_at   INTEGER NOT NULL
);
