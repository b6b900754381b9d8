-- Attempts of GitHub workflow runs, failed and passed, one row per delivery: what tells a flaky
-- test (failed, then passed when the same commit was re-run) from a broken one, and the rate at
-- which a test failed over the last runs of its workflow on a branch.
CREATE TABLE build_runs (
  id           INTEGER PRIMARY KEY,
  dedup_key    TEXT    NOT NULL UNIQUE,
  repo         TEXT    NOT NULL,
  workflow     TEXT    NOT NULL,
  branch       TEXT    NOT NULL DEFAULT '',
  head_sha     TEXT    NOT NULL,
  run_id       INTEGER NOT NULL,
  run_attempt  INTEGER NOT NULL,
  passed       INTEGER NOT NULL,
  occurred_at  INTEGER NOT NULL,
  alert_id     INTEGER REFERENCES alerts (id)
);
CREATE INDEX build_runs_commit ON build_runs (repo, workflow, head_sha);
CREATE INDEX build_runs_branch ON build_runs (repo, workflow, branch, occurred_at);
CREATE INDEX build_runs_alert ON build_runs (alert_id);

-- The failing tests the job logs of a failed attempt named, once its analysis read them.
CREATE TABLE build_run_tests (
  build_run_id INTEGER NOT NULL REFERENCES build_runs (id),
  test         TEXT    NOT NULL,
  PRIMARY KEY (build_run_id, test)
);
CREATE INDEX build_run_tests_test ON build_run_tests (test);

-- A test that failed on a commit and passed when that commit was re-run: one row per test and
-- commit, however many re-runs said so.
CREATE TABLE flaky_tests (
  id               INTEGER PRIMARY KEY,
  repo             TEXT    NOT NULL,
  workflow         TEXT    NOT NULL,
  branch           TEXT    NOT NULL DEFAULT '',
  test             TEXT    NOT NULL,
  head_sha         TEXT    NOT NULL,
  failed_alert_id  INTEGER REFERENCES alerts (id),
  passed_attempt   INTEGER NOT NULL,
  seen_at          INTEGER NOT NULL,
  UNIQUE (repo, test, head_sha)
);
CREATE INDEX flaky_tests_seen ON flaky_tests (seen_at);
