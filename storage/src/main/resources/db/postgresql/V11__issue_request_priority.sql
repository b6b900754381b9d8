-- The priority label a person chose with /issue P4 (a level of the configured scale), so the
-- filing worker files with it even after a restart. NULL: the alert's level or the filing default.
ALTER TABLE issue_requests ADD COLUMN priority TEXT;
