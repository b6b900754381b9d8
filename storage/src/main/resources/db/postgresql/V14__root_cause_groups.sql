-- One issue per root cause (seed 002): an issue remembers the codebase area and error signature
-- it was filed for. NULL for issues filed before, which stay one group for their whole run.
ALTER TABLE filed_issues ADD COLUMN area TEXT;
ALTER TABLE filed_issues ADD COLUMN signature TEXT;

-- A run with failures of several root causes is linked to each of their issues.
-- SQLite cannot change a primary key and copies the table; PostgreSQL changes it in place, which
-- keeps every row's rowid (the order the links were made in).
ALTER TABLE issue_links DROP CONSTRAINT issue_links_pkey;
ALTER TABLE issue_links ADD PRIMARY KEY (alert_id, repo, number);
