-- The daily DAG status posts: one row per status post, day and chat, so every poll, and the bot
-- after a restart, edits the same message. The message id comes from the outbox row of the post
-- once it is delivered.
CREATE TABLE status_posts (
  board      TEXT    NOT NULL,
  day        TEXT    NOT NULL,
  platform   TEXT    NOT NULL,
  chat_id    TEXT    NOT NULL,
  thread_id  TEXT    NOT NULL DEFAULT '',
  outbox_id  BIGINT  NOT NULL REFERENCES outbox (id),
  body       TEXT    NOT NULL,
  stop_at    BIGINT  NOT NULL,
  polled_at  BIGINT ,
  finished   BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY (board, day, platform, chat_id, thread_id)
);
CREATE INDEX status_posts_active ON status_posts (finished, day);
