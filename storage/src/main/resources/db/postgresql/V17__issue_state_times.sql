-- When GitHub says an issue was opened and last touched (created_at, updated_at, epoch millis), so
-- /issues shows age and activity, and flags stale issues, also when GitHub is down.
ALTER TABLE issue_states ADD COLUMN created_at BIGINT ;
ALTER TABLE issue_states ADD COLUMN updated_at BIGINT ;
