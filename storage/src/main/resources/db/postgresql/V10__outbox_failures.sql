-- Failed tries of an outbox entry (network error, 5xx, outage), apart from attempts, which also
-- counts rate-limited ones: the backoff doubles on failures only, so three 429s before a 502 do
-- not make the 502 wait 8 s. Entries pending at the upgrade start their backoff afresh.
ALTER TABLE outbox ADD COLUMN failures BIGINT  NOT NULL DEFAULT 0;
