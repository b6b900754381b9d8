-- Successful pipeline runs (GitHub workflow runs, Airflow tasks), one row per delivery.
CREATE TABLE run_successes (
  id           INTEGER PRIMARY KEY,
  dedup_key    TEXT    NOT NULL UNIQUE,
  source       TEXT    NOT NULL,
  repo         TEXT    NOT NULL DEFAULT '',
  workflow     TEXT    NOT NULL DEFAULT '',
  branch       TEXT    NOT NULL DEFAULT '',
  occurred_at  INTEGER NOT NULL,
  attributes   TEXT    NOT NULL
);
CREATE INDEX run_successes_workflow ON run_successes (repo, workflow, branch, occurred_at);
