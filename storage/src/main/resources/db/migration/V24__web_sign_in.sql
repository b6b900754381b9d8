-- The web page's sign-in (issue #15): one-time links from /web or `meister web-link`, and the
-- sessions they start. Tokens are stored only as their SHA-256 (hex): a copy of the database
-- signs nobody in.
CREATE TABLE web_links (
  token_hash  TEXT    PRIMARY KEY,
  member      TEXT    NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);

CREATE TABLE web_sessions (
  token_hash  TEXT    PRIMARY KEY,
  member      TEXT    NOT NULL,
  expires_at  INTEGER NOT NULL,
  csrf        TEXT    NOT NULL,
  ended_at    INTEGER
);
