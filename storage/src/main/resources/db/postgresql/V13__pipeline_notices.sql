-- Messages the pipeline rules of seed 004 post once each: a fix deadline breached by an alert,
-- the owners tagged at the start of work hours for an alert posted silently, the weekly check
-- reminder of a pipeline without on-call. A row means it was done (posted or deliberately not).
CREATE TABLE pipeline_notices (
  pipeline   TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  subject    TEXT    NOT NULL,
  posted_at  BIGINT  NOT NULL,
  PRIMARY KEY (pipeline, kind, subject)
);
