-- Version 25: each member's secret calendar token, the capability in their feed URLs
-- (/cal/<token>/me.ics). Kept as it is, not hashed: /calendar sends the same URLs again, so a
-- subscription keeps working; /calendar reset replaces the row.
CREATE TABLE calendar_tokens (
  member_id   TEXT    PRIMARY KEY,
  token       TEXT    NOT NULL UNIQUE,
  created_at  BIGINT  NOT NULL
);
