-- One issue per root cause (seed 002): an issue remembers the codebase area and error signature
-- it was filed for. NULL for issues filed before, which stay one group for their whole run.
ALTER TABLE filed_issues ADD COLUMN area TEXT;
ALTER TABLE filed_issues ADD COLUMN signature TEXT;

-- A run with failures of several root causes is linked to each of their issues.
CREATE TABLE issue_links_v14 (
  alert_id   INTEGER NOT NULL REFERENCES alerts (id),
  repo       TEXT    NOT NULL,
  number     INTEGER NOT NULL,
  url        TEXT    NOT NULL,
  linked_at  INTEGER NOT NULL,
  filed      INTEGER NOT NULL,
  PRIMARY KEY (alert_id, repo, number)
);
INSERT INTO issue_links_v14 (alert_id, repo, number, url, linked_at, filed)
  SELECT alert_id, repo, number, url, linked_at, filed FROM issue_links;
DROP TABLE issue_links;
ALTER TABLE issue_links_v14 RENAME TO issue_links;
CREATE INDEX issue_links_issue ON issue_links (repo, number);
