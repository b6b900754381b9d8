-- Version 29: the leader lease (issue #16). One row: who leads, its fencing token, and until when
-- (epoch milliseconds by the database's clock). Only instances sharing a PostgreSQL database take
-- it; the table exists on SQLite too so both vendors keep one schema.
CREATE TABLE leader_lease (
  name        TEXT    PRIMARY KEY,
  holder      TEXT    NOT NULL,
  token       BIGINT  NOT NULL,
  expires_at  BIGINT  NOT NULL
);

-- Each chat's storm allowance (StormGuard's token bucket) where several instances take webhooks:
-- kept here so the pace holds for all of them together and across a change of leader. A single
-- instance keeps it in memory and writes nothing here. refilled_at is in epoch nanoseconds, as the
-- bucket counts its credit in token-nanoseconds.
CREATE TABLE storm_pace (
  platform     TEXT    NOT NULL,
  chat_id      TEXT    NOT NULL,
  thread_id    TEXT    NOT NULL,
  credit       BIGINT  NOT NULL,
  refilled_at  BIGINT  NOT NULL,
  PRIMARY KEY (platform, chat_id, thread_id)
);
