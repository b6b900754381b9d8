-- Failed pipeline runs, one row per alert, beside run_successes: a success of the same build
-- (repo, workflow, branch) finds the failures whose threads it should tell "green again" by this
-- index, rather than by reading the latest alerts. told is 1 once the thread was told.
CREATE TABLE run_failures (
  alert_id     BIGINT  PRIMARY KEY REFERENCES alerts (id),
  source       TEXT    NOT NULL,
  repo         TEXT    NOT NULL DEFAULT '',
  workflow     TEXT    NOT NULL DEFAULT '',
  branch       TEXT    NOT NULL DEFAULT '',
  occurred_at  BIGINT  NOT NULL,
  told         BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX run_failures_untold ON run_failures (repo, workflow, branch, told, occurred_at);
