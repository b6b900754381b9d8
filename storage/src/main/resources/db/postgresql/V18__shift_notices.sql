-- Shift messages posted once each: the incoming on-call's reminder before a boundary (with the
-- transition meeting's invitation) and "@bob is on call now" at the boundary of a rotation without
-- the hand-off handshake.
CREATE TABLE shift_notices (
  rotation   TEXT    NOT NULL,
  boundary   BIGINT  NOT NULL,
  kind       TEXT    NOT NULL,
  posted_at  BIGINT  NOT NULL,
  PRIMARY KEY (rotation, boundary, kind)
);
