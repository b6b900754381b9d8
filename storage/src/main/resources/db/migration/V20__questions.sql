-- Version 20: questions from users (seed 001, "support our clients"). A message in a help channel
-- that mentions the bot, or one a member marks with /triage, is tracked until someone closes it
-- with /done. The row is written in the transaction that queues the bot's "noted" answer.
CREATE TABLE questions (
  id            INTEGER PRIMARY KEY,
  rotation      TEXT    NOT NULL,
  -- The message with the question: one row per message, so a repeated delivery tracks nothing new.
  platform      TEXT    NOT NULL,
  chat_id       TEXT    NOT NULL,
  thread_id     TEXT    NOT NULL DEFAULT '',
  message_id    TEXT    NOT NULL,
  asked_by      TEXT    NOT NULL,
  text          TEXT    NOT NULL,
  asked_at      INTEGER NOT NULL,
  -- The member who marked it with /triage; NULL when the asker mentioned the bot.
  triaged_by    TEXT,
  -- The outbox entry of the "noted" answer: /done in reply to it finds the question.
  answer_entry  INTEGER REFERENCES outbox (id),
  closed_by     TEXT,
  closed_at     INTEGER,
  UNIQUE (platform, chat_id, message_id)
);
CREATE INDEX questions_open ON questions (rotation, closed_at);
