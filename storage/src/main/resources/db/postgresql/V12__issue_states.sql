-- What GitHub said about a rotation's issues at its last hand-off announcement (state, title,
-- priority label, first assignee), so the next one can fall back on it when GitHub is down and
-- stops asking about issues seen closed. epic_of: the rotation whose epic lists it as a sub-issue.
-- SQLite's NOCASE for repository names (GitHub's are case-insensitive): a nondeterministic ICU
-- collation that compares ignoring case. Named nocase so "COLLATE NOCASE" in the stores' SQL means
-- the same on both databases (PostgreSQL folds the unquoted name to lower case).
CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE issue_states (
  repo      TEXT    NOT NULL COLLATE nocase,
  number    BIGINT  NOT NULL,
  url       TEXT    NOT NULL,
  open      BIGINT  NOT NULL,
  title     TEXT,
  priority  TEXT,
  assignee  TEXT,
  epic_of   TEXT,
  seen_at   BIGINT  NOT NULL,
  PRIMARY KEY (repo, number)
);
CREATE INDEX issue_states_epic ON issue_states (epic_of, open);
