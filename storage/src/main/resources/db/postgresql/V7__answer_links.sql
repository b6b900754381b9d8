-- The bot's answers about an alert (e.g. "Filed #9110"), so a reply to one (/resolve) finds the
-- alert. Apart from message_links on purpose: an acknowledgement edits every message there to
-- say who took the alert, which would overwrite the answer.
CREATE TABLE answer_links (
  platform    TEXT    NOT NULL,
  chat_id     TEXT    NOT NULL,
  message_id  TEXT    NOT NULL,
  thread_id   TEXT    NOT NULL DEFAULT '',
  alert_id    BIGINT  NOT NULL REFERENCES alerts (id),
  rowid       BIGINT  GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (platform, chat_id, message_id)
);

-- How a delivered entry with an alert is linked: ALERT (message_links) or ANSWER (answer_links).
ALTER TABLE outbox ADD COLUMN link_kind TEXT NOT NULL DEFAULT 'ALERT';
