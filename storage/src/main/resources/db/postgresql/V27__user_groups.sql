-- Version 27: chat user groups that follow the on-call (slack_group). Who should be in each
-- rotation's group and who the chat last confirmed, so an outage is retried and a restart loses
-- nothing; a refusal (a missing scope) is said once and kept until the wanted members change.
CREATE TABLE user_groups (
  rotation    TEXT    PRIMARY KEY,
  handle      TEXT    NOT NULL,
  -- Member ids, comma-separated (member ids never contain a comma).
  wanted      TEXT    NOT NULL,
  wanted_at   BIGINT  NOT NULL,
  synced      TEXT,
  synced_at   BIGINT ,
  failures    BIGINT  NOT NULL DEFAULT 0,
  not_before  BIGINT  NOT NULL,
  error       TEXT,
  refused     TEXT
);
