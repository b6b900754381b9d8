-- Retention (storage.retention) prunes old rows in small batches; these indexes let each batch find
-- its rows without scanning the tables a storm made large.
CREATE INDEX outbox_finished ON outbox (state, finished_at);
CREATE INDEX run_successes_occurred ON run_successes (occurred_at);
CREATE INDEX status_posts_outbox ON status_posts (outbox_id);
CREATE INDEX status_posts_stop ON status_posts (stop_at);
