-- Version 29: the leader lease (issue #16). One row: who leads, its fencing token, and until when
-- (epoch milliseconds by the database's clock). Only instances sharing a PostgreSQL database take
-- it; the table exists on SQLite too so both vendors keep one schema.
CREATE TABLE leader_lease (
  name        TEXT    PRIMARY KEY,
  holder      TEXT    NOT NULL,
  token       BIGINT  NOT NULL,
  expires_at  BIGINT  NOT NULL
);
