-- What GitHub said about a rotation's issues at its last hand-off announcement (state, title,
-- priority label, first assignee), so the next one can fall back on it when GitHub is down and
-- stops asking about issues seen closed. epic_of: the rotation whose epic lists it as a sub-issue.
CREATE TABLE issue_states (
  repo      TEXT    NOT NULL COLLATE NOCASE,
  number    INTEGER NOT NULL,
  url       TEXT    NOT NULL,
  open      INTEGER NOT NULL,
  title     TEXT,
  priority  TEXT,
  assignee  TEXT,
  epic_of   TEXT,
  seen_at   INTEGER NOT NULL,
  PRIMARY KEY (repo, number)
);
CREATE INDEX issue_states_epic ON issue_states (epic_of, open);
